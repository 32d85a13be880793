namespace Plumb.Modelling.DrawIo;

using System.Text;
using System.Xml;
using Plumb.Modelling.Bpmn;

/// <summary>Writes a BPMN model as an uncompressed draw.io file (mxfile), one page per diagram, with draw.io's BPMN shapes.</summary>
public static class DrawIoWriter
{
    /// <summary>The .drawio XML text.</summary>
    public static string Write(BpmnDefinitions definitions)
    {
        var builder = new StringBuilder(64 * 1024);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("mxfile");
            xml.WriteAttributeString("host", "Plumb");
            xml.WriteAttributeString("type", "device");
            xml.WriteAttributeString("compressed", "false");
            xml.WriteAttributeString("pages", definitions.Diagrams.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var index = definitions.IndexById();
            foreach (var diagram in definitions.Diagrams) Page(xml, diagram, index);
            xml.WriteEndElement();
        }

        return builder.Append('\n').ToString();
    }

    private static void Page(XmlWriter xml, BpmnDiagram diagram, Dictionary<string, BpmnElement> index)
    {
        xml.WriteStartElement("diagram");
        xml.WriteAttributeString("id", diagram.Id);
        xml.WriteAttributeString("name", diagram.Name ?? diagram.Id);
        xml.WriteStartElement("mxGraphModel");
        foreach (var (name, value) in new[] { ("grid", "1"), ("gridSize", "10"), ("guides", "1"), ("connect", "1"), ("arrows", "1"), ("page", "0"), ("math", "0"), ("shadow", "0") })
            xml.WriteAttributeString(name, value);
        xml.WriteStartElement("root");
        Cell(xml, "0", null, null);
        Cell(xml, "1", "0", null);
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in diagram.Shapes)
        {
            if (index.GetValueOrDefault(shape.Element) is not { } element || DrawIoStyles.Shape(element, shape) is not { } style) continue;
            var text = element.Kind == "textAnnotation" ? element.Children.Find(c => c.Kind == "text")?.Text : element.Name;
            xml.WriteStartElement("mxCell");
            xml.WriteAttributeString("id", shape.Element);
            xml.WriteAttributeString("value", Html(text));
            xml.WriteAttributeString("style", style);
            xml.WriteAttributeString("vertex", "1");
            xml.WriteAttributeString("parent", "1");
            Geometry(xml, shape.Bounds);
            xml.WriteEndElement();
            drawn.Add(shape.Element);
        }

        foreach (var edge in diagram.Edges)
        {
            if (edge.Waypoints.Count < 2) continue;
            var element = index.GetValueOrDefault(edge.Element) ?? new BpmnElement("sequenceFlow", edge.Id);
            var (source, target) = Ends(element);
            var isDefault = source is not null && index.GetValueOrDefault(source)?.Attribute("default") == element.Id;
            xml.WriteStartElement("mxCell");
            xml.WriteAttributeString("id", edge.Element.Length > 0 ? edge.Element : edge.Id);
            xml.WriteAttributeString("value", Html(element.Name));
            xml.WriteAttributeString("style", DrawIoStyles.Edge(element, isDefault));
            xml.WriteAttributeString("edge", "1");
            xml.WriteAttributeString("parent", "1");
            if (source is not null && drawn.Contains(source)) xml.WriteAttributeString("source", source);
            if (target is not null && drawn.Contains(target)) xml.WriteAttributeString("target", target);
            xml.WriteStartElement("mxGeometry");
            xml.WriteAttributeString("relative", "1");
            xml.WriteAttributeString("as", "geometry");
            PointElement(xml, edge.Waypoints[0], "sourcePoint");
            PointElement(xml, edge.Waypoints[^1], "targetPoint");
            if (edge.Waypoints.Count > 2)
            {
                xml.WriteStartElement("Array");
                xml.WriteAttributeString("as", "points");
                foreach (var point in edge.Waypoints.Skip(1).SkipLast(1)) PointElement(xml, point, null);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // Data associations keep their ends in child elements; flows in attributes.
    private static (string? Source, string? Target) Ends(BpmnElement element) => element.Kind switch
    {
        "dataInputAssociation" => (element.Children.Find(c => c.Kind == "sourceRef")?.Text, null),
        "dataOutputAssociation" => (null, element.Children.Find(c => c.Kind == "targetRef")?.Text),
        _ => (element.Attribute("sourceRef"), element.Attribute("targetRef")),
    };

    private static void Cell(XmlWriter xml, string id, string? parent, string? style)
    {
        xml.WriteStartElement("mxCell");
        xml.WriteAttributeString("id", id);
        if (parent is not null) xml.WriteAttributeString("parent", parent);
        if (style is not null) xml.WriteAttributeString("style", style);
        xml.WriteEndElement();
    }

    private static void Geometry(XmlWriter xml, Bounds b)
    {
        xml.WriteStartElement("mxGeometry");
        xml.WriteAttributeString("x", DiagramNumber(b.X));
        xml.WriteAttributeString("y", DiagramNumber(b.Y));
        xml.WriteAttributeString("width", DiagramNumber(b.Width));
        xml.WriteAttributeString("height", DiagramNumber(b.Height));
        xml.WriteAttributeString("as", "geometry");
        xml.WriteEndElement();
    }

    private static void PointElement(XmlWriter xml, Point p, string? role)
    {
        xml.WriteStartElement("mxPoint");
        xml.WriteAttributeString("x", DiagramNumber(p.X));
        xml.WriteAttributeString("y", DiagramNumber(p.Y));
        if (role is not null) xml.WriteAttributeString("as", role);
        xml.WriteEndElement();
    }

    // Labels are HTML in draw.io (html=1): escape markup characters of the plain text.
    private static string Html(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    private static string DiagramNumber(double value) => Math.Round(value, 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
