namespace Plumb.Modelling.Svg;

using System.Text;
using System.Xml;
using Plumb.Modelling.Bpmn;

/// <summary>Renders a BPMN diagram as a standalone SVG document with one group per element, keyed by the element id.</summary>
public static class SvgRenderer
{
    private const string Ns = "http://www.w3.org/2000/svg";

    /// <summary>The SVG text of one diagram of the model (<see cref="RenderOptions.Diagram"/>).</summary>
    public static string Render(BpmnDefinitions definitions, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        if (definitions.Diagrams.Count == 0) throw new ArgumentException("the model has no diagram to draw", nameof(definitions));
        var diagram = definitions.Diagrams[Math.Clamp(options.Diagram, 0, definitions.Diagrams.Count - 1)];
        var extent = DiagramPainter.Extent(diagram);
        var builder = new StringBuilder(64 * 1024);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = " ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("svg", Ns);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("width", DiagramPainter.N(extent.Width));
            xml.WriteAttributeString("height", DiagramPainter.N(extent.Height));
            xml.WriteAttributeString("viewBox", $"{DiagramPainter.N(extent.X)} {DiagramPainter.N(extent.Y)} {DiagramPainter.N(extent.Width)} {DiagramPainter.N(extent.Height)}");
            xml.WriteAttributeString("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
            xml.WriteAttributeString("data-diagram", diagram.Id);
            xml.WriteElementString("title", Ns, diagram.Name ?? diagram.Id);
            Defs(xml);
            DiagramPainter.Paint(definitions, diagram, new SvgCanvas(xml), options);
            xml.WriteEndElement();
        }

        return builder.Append('\n').ToString();
    }

    private static void Defs(XmlWriter xml)
    {
        xml.WriteStartElement("defs", Ns);
        xml.WriteStartElement("style", Ns);
        xml.WriteString("text.label{fill:#1f2933} a .bpmn rect{cursor:pointer} a:hover .bpmn rect{fill:#eef4fb}");
        xml.WriteEndElement();
        Marker(xml, "arrow-filled", "M0,0 L10,5 L0,10 Z", "#1f2933", 10, 5);
        Marker(xml, "arrow-open", "M0,0 L10,5 L0,10 Z", "#ffffff", 10, 5);
        Marker(xml, "start-circle", "M1,5 A4,4 0 1 1 9,5 A4,4 0 1 1 1,5 Z", "#ffffff", 1, 5);
        Marker(xml, "start-slash", "M4,1 L9,9", "none", -2, 5);
        xml.WriteEndElement();
    }

    private static void Marker(XmlWriter xml, string id, string path, string fill, double refX, double refY)
    {
        xml.WriteStartElement("marker", Ns);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("viewBox", "0 0 10 10");
        xml.WriteAttributeString("refX", DiagramPainter.N(refX));
        xml.WriteAttributeString("refY", DiagramPainter.N(refY));
        xml.WriteAttributeString("markerWidth", "9");
        xml.WriteAttributeString("markerHeight", "9");
        xml.WriteAttributeString("orient", "auto-start-reverse");
        xml.WriteStartElement("path", Ns);
        xml.WriteAttributeString("d", path);
        xml.WriteAttributeString("fill", fill);
        xml.WriteAttributeString("stroke", "#1f2933");
        xml.WriteAttributeString("stroke-width", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
