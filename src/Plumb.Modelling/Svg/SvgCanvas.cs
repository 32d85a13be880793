namespace Plumb.Modelling.Svg;

using System.Text;
using System.Xml;
using Plumb.Modelling.Bpmn;

/// <summary>An <see cref="ICanvas"/> that writes SVG elements, one &lt;g id="..."&gt; per model element; every id starts with <paramref name="prefix"/>.</summary>
internal sealed class SvgCanvas(XmlWriter xml, string prefix) : ICanvas
{
    private const string Ns = "http://www.w3.org/2000/svg";
    private readonly Stack<bool> _links = new();

    public void BeginGroup(string id, string kind, IReadOnlyDictionary<string, string> data, ElementLink? link)
    {
        if (link is not null)
        {
            // An <a href> is focusable; its <title> is the link's accessible name and tooltip.
            xml.WriteStartElement("a", Ns);
            xml.WriteAttributeString("href", link.Href);
            if (!string.IsNullOrWhiteSpace(link.Title)) xml.WriteElementString("title", Ns, link.Title);
        }

        _links.Push(link is not null);
        xml.WriteStartElement("g", Ns);
        xml.WriteAttributeString("id", prefix + id);
        xml.WriteAttributeString("class", $"bpmn {kind}");
        foreach (var (key, value) in data) xml.WriteAttributeString($"data-{key}", value);
    }

    public void EndGroup()
    {
        xml.WriteEndElement();
        if (_links.Pop()) xml.WriteEndElement();
    }

    public void Rect(Bounds b, double radius, Style style)
    {
        xml.WriteStartElement("rect", Ns);
        Attr("x", b.X);
        Attr("y", b.Y);
        Attr("width", b.Width);
        Attr("height", b.Height);
        if (radius > 0)
        {
            Attr("rx", radius);
            Attr("ry", radius);
        }

        Paint(style);
        xml.WriteEndElement();
    }

    public void Circle(Point center, double radius, Style style)
    {
        xml.WriteStartElement("circle", Ns);
        Attr("cx", center.X);
        Attr("cy", center.Y);
        Attr("r", radius);
        Paint(style);
        xml.WriteEndElement();
    }

    public void Path(string data, Style style)
    {
        xml.WriteStartElement("path", Ns);
        xml.WriteAttributeString("d", data);
        Paint(style);
        xml.WriteEndElement();
    }

    public void Line(IReadOnlyList<Point> points, Style style, ArrowHead end, ArrowHead start)
    {
        xml.WriteStartElement("polyline", Ns);
        var builder = new StringBuilder();
        foreach (var p in points) builder.Append(DiagramPainter.N(p.X)).Append(',').Append(DiagramPainter.N(p.Y)).Append(' ');
        xml.WriteAttributeString("points", builder.ToString().TrimEnd());
        Paint(style with { Fill = "none" });
        if (end != ArrowHead.None) xml.WriteAttributeString("marker-end", $"url(#{prefix}{Marker(end)})");
        if (start != ArrowHead.None) xml.WriteAttributeString("marker-start", $"url(#{prefix}{Marker(start)})");
        xml.WriteEndElement();
    }

    public void Text(IReadOnlyList<string> lines, double x, double y, double size, bool vertical = false)
    {
        if (lines.Count == 0) return;
        xml.WriteStartElement("text", Ns);
        xml.WriteAttributeString("class", "label");
        xml.WriteAttributeString("font-size", DiagramPainter.N(size));
        xml.WriteAttributeString("text-anchor", "middle");
        if (vertical)
        {
            // Pool and lane names read bottom to top in their header strip.
            xml.WriteAttributeString("transform", $"rotate(-90 {DiagramPainter.N(x)} {DiagramPainter.N(y)})");
            y -= (lines.Count - 1) * size * 1.25 / 2;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            xml.WriteStartElement("tspan", Ns);
            Attr("x", x);
            Attr("y", y + (vertical ? size * 0.35 : size) + (i * (vertical ? size * 1.25 : 14)));
            xml.WriteString(lines[i]);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    internal static string Marker(ArrowHead head) => head switch
    {
        ArrowHead.Filled => "arrow-filled",
        ArrowHead.Open => "arrow-open",
        ArrowHead.Circle => "start-circle",
        _ => "start-slash",
    };

    private void Paint(Style style)
    {
        xml.WriteAttributeString("stroke", style.Stroke);
        xml.WriteAttributeString("fill", style.Fill);
        Attr("stroke-width", style.Width);
        if (style.Dashed) xml.WriteAttributeString("stroke-dasharray", "6 4");
        if (style.Dotted) xml.WriteAttributeString("stroke-dasharray", "2 3");
    }

    private void Attr(string name, double value) => xml.WriteAttributeString(name, DiagramPainter.N(value));
}
