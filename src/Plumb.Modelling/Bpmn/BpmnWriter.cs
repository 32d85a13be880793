namespace Plumb.Modelling.Bpmn;

using System.Globalization;
using System.Text;
using System.Xml;

/// <summary>Writes a <see cref="BpmnDefinitions"/> as BPMN 2.0 XML with diagram interchange.</summary>
public static class BpmnWriter
{
    private const string Bpmn = "bpmn";

    /// <summary>The model as an XML string (UTF-8 declaration, two-space indentation).</summary>
    public static string ToXml(BpmnDefinitions definitions)
    {
        var builder = new StringBuilder(64 * 1024);
        using (var writer = new Utf8StringWriter(builder)) Write(definitions, writer);
        return builder.ToString();
    }

    /// <summary>Writes the model to a text writer.</summary>
    public static void Write(BpmnDefinitions definitions, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement(Bpmn, "definitions", BpmnKinds.ModelNamespace);
        xml.WriteAttributeString("xmlns", "bpmndi", null, BpmnKinds.DiNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, BpmnKinds.DcNamespace);
        xml.WriteAttributeString("xmlns", "di", null, BpmnKinds.DdiNamespace);
        xml.WriteAttributeString("xmlns", "xsi", null, BpmnKinds.XsiNamespace);
        xml.WriteAttributeString("id", definitions.Id);
        xml.WriteAttributeString("targetNamespace", definitions.TargetNamespace);
        if (definitions.Exporter is { } exporter) xml.WriteAttributeString("exporter", exporter);
        if (definitions.ExporterVersion is { } version) xml.WriteAttributeString("exporterVersion", version);
        // BPMN 2.0 schema order: imports and root elements, then diagrams, then relationships.
        foreach (var root in definitions.RootElements.Where(r => r.Kind != "relationship")) WriteElement(xml, root);
        foreach (var diagram in definitions.Diagrams) WriteDiagram(xml, diagram);
        foreach (var relationship in definitions.RootElements.Where(r => r.Kind == "relationship")) WriteElement(xml, relationship);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteElement(XmlWriter xml, BpmnElement element)
    {
        xml.WriteStartElement(Bpmn, element.Kind, BpmnKinds.ModelNamespace);
        if (element.Id is { } id) xml.WriteAttributeString("id", id);
        if (element.Name is { } name) xml.WriteAttributeString("name", name);
        foreach (var (key, value) in element.Attributes)
        {
            if (key == "xsi:type") xml.WriteAttributeString("xsi", "type", BpmnKinds.XsiNamespace, $"{Bpmn}:{value}");
            else xml.WriteAttributeString(key, value);
        }

        if (element.Text is { } text) xml.WriteString(text);
        foreach (var child in element.Children) WriteElement(xml, child);
        xml.WriteEndElement();
    }

    private static void WriteDiagram(XmlWriter xml, BpmnDiagram diagram)
    {
        xml.WriteStartElement("bpmndi", "BPMNDiagram", BpmnKinds.DiNamespace);
        if (diagram.Id.Length > 0) xml.WriteAttributeString("id", diagram.Id);
        if (diagram.Name is { } name) xml.WriteAttributeString("name", name);
        xml.WriteStartElement("bpmndi", "BPMNPlane", BpmnKinds.DiNamespace);
        if (diagram.PlaneId.Length > 0) xml.WriteAttributeString("id", diagram.PlaneId);
        if (diagram.PlaneElement is { } element) xml.WriteAttributeString("bpmnElement", element);
        foreach (var shape in diagram.Shapes)
        {
            xml.WriteStartElement("bpmndi", "BPMNShape", BpmnKinds.DiNamespace);
            if (shape.Id.Length > 0) xml.WriteAttributeString("id", shape.Id);
            if (shape.Element.Length > 0) xml.WriteAttributeString("bpmnElement", shape.Element);
            if (shape.IsHorizontal is { } horizontal) xml.WriteAttributeString("isHorizontal", Bool(horizontal));
            if (shape.IsExpanded is { } expanded) xml.WriteAttributeString("isExpanded", Bool(expanded));
            if (shape.IsMarkerVisible is { } marker) xml.WriteAttributeString("isMarkerVisible", Bool(marker));
            WriteBounds(xml, shape.Bounds);
            WriteLabel(xml, shape.Label);
            xml.WriteEndElement();
        }

        foreach (var edge in diagram.Edges)
        {
            xml.WriteStartElement("bpmndi", "BPMNEdge", BpmnKinds.DiNamespace);
            if (edge.Id.Length > 0) xml.WriteAttributeString("id", edge.Id);
            if (edge.Element.Length > 0) xml.WriteAttributeString("bpmnElement", edge.Element);
            foreach (var point in edge.Waypoints)
            {
                xml.WriteStartElement("di", "waypoint", BpmnKinds.DdiNamespace);
                xml.WriteAttributeString("x", Number(point.X));
                xml.WriteAttributeString("y", Number(point.Y));
                xml.WriteEndElement();
            }

            WriteLabel(xml, edge.Label);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteLabel(XmlWriter xml, Bounds? label)
    {
        if (label is not { } bounds) return;
        xml.WriteStartElement("bpmndi", "BPMNLabel", BpmnKinds.DiNamespace);
        WriteBounds(xml, bounds);
        xml.WriteEndElement();
    }

    private static void WriteBounds(XmlWriter xml, Bounds bounds)
    {
        xml.WriteStartElement("dc", "Bounds", BpmnKinds.DcNamespace);
        xml.WriteAttributeString("x", Number(bounds.X));
        xml.WriteAttributeString("y", Number(bounds.Y));
        xml.WriteAttributeString("width", Number(bounds.Width));
        xml.WriteAttributeString("height", Number(bounds.Height));
        xml.WriteEndElement();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    // Shortest text that reads back as the same double, so coordinates survive a round trip exactly.
    internal static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
