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
            // A picture with links is a group, so the links inside stay reachable; a plain picture is one image.
            var prefix = options.IdPrefix;
            xml.WriteAttributeString("role", options.Links.Count > 0 || options.CallLinks.Count > 0 ? "group" : "img");
            xml.WriteAttributeString("aria-labelledby", prefix + "title");
            if (options.Description is not null) xml.WriteAttributeString("aria-describedby", prefix + "desc");
            xml.WriteStartElement("title", Ns);
            xml.WriteAttributeString("id", prefix + "title");
            xml.WriteString(diagram.Name ?? diagram.Id);
            xml.WriteEndElement();
            if (options.Description is { } description)
            {
                xml.WriteStartElement("desc", Ns);
                xml.WriteAttributeString("id", prefix + "desc");
                xml.WriteString(description);
                xml.WriteEndElement();
            }

            Defs(xml, prefix, options.Stylesheet);
            DiagramPainter.Paint(definitions, diagram, new SvgCanvas(xml, prefix), options);
            xml.WriteEndElement();
        }

        return builder.Append('\n').ToString();
    }

    private static void Defs(XmlWriter xml, string prefix, bool stylesheet)
    {
        xml.WriteStartElement("defs", Ns);
        if (stylesheet)
        {
            xml.WriteStartElement("style", Ns);
            xml.WriteString("text.label{fill:#1f2933} a .bpmn rect{cursor:pointer} a:hover .bpmn rect,a:focus .bpmn rect{fill:#eef4fb}");
            xml.WriteEndElement();
        }

        Marker(xml, prefix + "arrow-filled", "M0,0 L10,5 L0,10 Z", "#1f2933", 10, 5);
        Marker(xml, prefix + "arrow-open", "M0,0 L10,5 L0,10 Z", "#ffffff", 10, 5);
        Marker(xml, prefix + "start-circle", "M1,5 A4,4 0 1 1 9,5 A4,4 0 1 1 1,5 Z", "#ffffff", 1, 5);
        Marker(xml, prefix + "start-slash", "M4,1 L9,9", "none", -2, 5);
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
