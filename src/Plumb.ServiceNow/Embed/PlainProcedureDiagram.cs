namespace Plumb.ServiceNow.Embed;

using System.Globalization;
using System.Xml;
using Plumb.Handbook.Model;

/// <summary>
/// A plain diagram used when no BPMN renderer is wired in: a start event, one box per step (with its responsible role),
/// diamonds after decision steps, and an end event, top to bottom.
/// </summary>
public sealed class PlainProcedureDiagram : IProcedureDiagramSource
{
    private const int Width = 420, BoxWidth = 300, BoxHeight = 52, Gap = 28, Left = 60;

    /// <inheritdoc />
    public string RenderSvg(Handbook handbook, Process process, Procedure procedure)
    {
        var rows = new List<(string Kind, string Text, string? Note)> { ("start", procedure.Trigger ?? "Start", null) };
        foreach (var step in procedure.Steps)
        {
            var role = step.Raci.Responsible.FirstOrDefault() is { } r ? handbook.FindRole(r)?.Name ?? r : null;
            rows.Add(("step", step.Name, role));
            if (step.Decision is { } decision) rows.Add(("decision", decision.Question ?? "?", string.Join(" / ", decision.Branches.Select(b => b.When ?? b.Goto))));
        }

        rows.Add(("end", procedure.Outcome ?? "End", null));
        var height = Gap + rows.Count * (BoxHeight + Gap);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var svg = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            const string ns = "http://www.w3.org/2000/svg";
            svg.WriteStartElement("svg", ns);
            svg.WriteAttributeString("viewBox", $"0 0 {Width} {height}");
            svg.WriteAttributeString("width", Width.ToString(CultureInfo.InvariantCulture));
            svg.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
            svg.WriteAttributeString("role", "img");
            svg.WriteElementString("title", ns, procedure.Name);
            var y = Gap;
            for (var i = 0; i < rows.Count; i++)
            {
                var (kind, label, note) = rows[i];
                var cx = Left + BoxWidth / 2;
                Shape(svg, ns, kind, y);
                Text(svg, ns, cx, y + (note is null ? BoxHeight / 2 + 5 : BoxHeight / 2 - 3), Clip(label, 40), "13");
                if (note is not null) Text(svg, ns, cx, y + BoxHeight / 2 + 14, Clip(note, 46), "11");
                if (i + 1 < rows.Count)
                {
                    svg.WriteStartElement("line", ns);
                    Attributes(svg, ("x1", cx), ("y1", y + BoxHeight), ("x2", cx), ("y2", y + BoxHeight + Gap));
                    svg.WriteAttributeString("stroke", "#555");
                    svg.WriteEndElement();
                }

                y += BoxHeight + Gap;
            }

            svg.WriteEndElement();
        }

        return text.ToString();
    }

    private static void Shape(XmlWriter svg, string ns, string kind, int y)
    {
        var cx = Left + BoxWidth / 2;
        switch (kind)
        {
            case "start" or "end":
                svg.WriteStartElement("rect", ns);
                Attributes(svg, ("x", Left + 40), ("y", y), ("width", BoxWidth - 80), ("height", BoxHeight), ("rx", BoxHeight / 2));
                svg.WriteAttributeString("fill", kind == "start" ? "#e8f5e9" : "#fdecea");
                svg.WriteAttributeString("stroke", kind == "start" ? "#2e7d32" : "#c62828");
                break;
            case "decision":
                svg.WriteStartElement("polygon", ns);
                svg.WriteAttributeString("points", string.Create(CultureInfo.InvariantCulture,
                    $"{cx},{y} {Left + BoxWidth},{y + BoxHeight / 2} {cx},{y + BoxHeight} {Left},{y + BoxHeight / 2}"));
                svg.WriteAttributeString("fill", "#fff8e1");
                svg.WriteAttributeString("stroke", "#f9a825");
                break;
            default:
                svg.WriteStartElement("rect", ns);
                Attributes(svg, ("x", Left), ("y", y), ("width", BoxWidth), ("height", BoxHeight), ("rx", 6));
                svg.WriteAttributeString("fill", "#e3f2fd");
                svg.WriteAttributeString("stroke", "#1565c0");
                break;
        }

        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, string ns, int x, int y, string value, string size)
    {
        svg.WriteStartElement("text", ns);
        Attributes(svg, ("x", x), ("y", y));
        svg.WriteAttributeString("text-anchor", "middle");
        svg.WriteAttributeString("font-family", "sans-serif");
        svg.WriteAttributeString("font-size", size);
        svg.WriteString(value);
        svg.WriteEndElement();
    }

    private static void Attributes(XmlWriter svg, params (string Name, int Value)[] attributes)
    {
        foreach (var (name, value) in attributes) svg.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
