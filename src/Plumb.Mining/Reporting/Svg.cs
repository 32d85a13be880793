namespace Plumb.Mining.Reporting;

using System.Globalization;
using System.Net;
using System.Text;

/// <summary>Small inline SVG charts for the HTML report: bars, a trend line with its target, and a directly-follows map.</summary>
internal static class Svg
{
    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Horizontal bars with labels and values.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value, string Color)> bars, string unit = "")
    {
        if (bars.Count == 0) return "<p class=muted>none</p>";
        const int row = 22, labelWidth = 300, barWidth = 360;
        var max = Math.Max(1e-9, bars.Max(b => b.Value));
        var sb = new StringBuilder($"<svg class='chart' width='{labelWidth + barWidth + 90}' height='{(bars.Count * row) + 4}' role='img' aria-label='{E(string.Join("; ", bars.Select(b => $"{b.Label}: {F(b.Value)}{unit}")))}'>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            var y = i * row;
            var w = Math.Max(1, value / max * barWidth);
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{labelWidth - 6}' y='{y + 15}' text-anchor='end'>{E(Cut(label, 44))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x='{labelWidth}' y='{y + 3}' width='{F(w)}' height='{row - 6}' fill='{color}'><title>{E(label)}: {F(value)}{unit}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(labelWidth + w + 6)}' y='{y + 15}'>{F(value)}{unit}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>A trend of values per period with a dashed target line.</summary>
    public static string Trend(IReadOnlyList<(string Key, double? Value)> points, double? target)
    {
        var values = points.Where(p => p.Value.HasValue).Select(p => p.Value!.Value).ToList();
        if (values.Count < 2) return "";
        const int width = 260, height = 70;
        var min = Math.Min(values.Min(), target ?? double.MaxValue);
        var max = Math.Max(values.Max(), target ?? double.MinValue);
        if (max - min < 1e-9) max = min + 1;
        double X(int i) => 4 + (i * (width - 8.0) / Math.Max(1, points.Count - 1));
        double Y(double v) => height - 6 - ((v - min) / (max - min) * (height - 12));
        var line = string.Join(" ", points.Select((p, i) => p.Value is { } v ? $"{F(X(i))},{F(Y(v))}" : null).Where(s => s is not null));
        var sb = new StringBuilder($"<svg class='trend' width='{width}' height='{height}' role='img' aria-label='{E("Trend: " + string.Join("; ", points.Select(p => $"{p.Key} {(p.Value is { } v ? F(v) : "no value")}")))}'>");
        if (target is { } t) sb.Append(CultureInfo.InvariantCulture, $"<line x1='0' x2='{width}' y1='{F(Y(t))}' y2='{F(Y(t))}' class='target'><title>target {F(t)}</title></line>");
        sb.Append(CultureInfo.InvariantCulture, $"<polyline points='{line}' fill='none' stroke='#2563eb' stroke-width='2'/>");
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v) sb.Append(CultureInfo.InvariantCulture, $"<circle cx='{F(X(i))}' cy='{F(Y(v))}' r='2.5' fill='#2563eb'><title>{E(points[i].Key)}: {F(v)}</title></circle>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>
    /// A process map laid out in layers (<see cref="MapLayout"/>): boxes with their caption, flows as curved paths with
    /// arrowheads, thicker for more frequent flows, labelled; flows going back (loops, rework) dashed. Each node and edge carries
    /// its name and layer as data attributes.
    /// </summary>
    public static string Map(IReadOnlyList<(string Node, string Caption)> nodes, IReadOnlyList<(string From, string To, double Weight, string Label)> arcs,
        IReadOnlyCollection<string> starts, string color, string id)
    {
        var layout = MapLayout.Compute(nodes.Select(n => n.Node).ToList(), arcs.Select(a => (a.From, a.To)).ToList(), starts);
        var caption = nodes.GroupBy(n => n.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Caption, StringComparer.Ordinal);
        var layerOf = layout.Nodes.ToDictionary(n => n.Name, n => n.Layer, StringComparer.Ordinal);
        var maxWeight = Math.Max(1e-9, arcs.Count == 0 ? 1 : arcs.Max(a => a.Weight));
        var uniform = arcs.All(a => a.Weight == maxWeight);
        var width = layout.Width + 60;
        // Shrinks to its column, but no further than stays legible; past that the column scrolls sideways.
        var sb = new StringBuilder($"<svg class='map' width='{F(width)}' height='{F(layout.Height)}' viewBox='0 0 {F(width)} {F(layout.Height)}' style='min-width:{F(width * 0.6)}px' role='img' aria-label='Process map: {nodes.Count} activities, {arcs.Count} flows'>");
        sb.Append(CultureInfo.InvariantCulture, $"<defs><marker id='{id}-arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='9' markerHeight='9' markerUnits='userSpaceOnUse' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='{color}'/></marker></defs>");
        var edgeIndex = 0;
        foreach (var edge in layout.Edges)
        {
            var arc = arcs.First(a => a.From == edge.From && a.To == edge.To);
            var stroke = uniform ? "2" : F(1 + (arc.Weight / maxWeight * 7));
            var kind = edge.IsLoop ? "edge loop" : edge.IsBack ? "edge back" : "edge";
            var dash = edge.IsBack ? " stroke-dasharray='6 4'" : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"<path class='{kind}' data-from='{E(edge.From)}' data-to='{E(edge.To)}' data-from-layer='{layerOf[edge.From]}' data-to-layer='{layerOf[edge.To]}' d='{PathOf(edge)}' fill='none' stroke='{color}' stroke-opacity='0.6' stroke-width='{stroke}'{dash} marker-end='url(#{id}-arrow)'><title>{E(edge.From)} → {E(edge.To)}: {E(arc.Label)}</title></path>");
            var (lx, ly) = LabelAt(edge);
            sb.Append(CultureInfo.InvariantCulture, $"<text class='edge-label' x='{F(lx + 4)}' y='{F(ly + (edgeIndex++ % 2 * 10) - 2)}' font-size='10' fill='#374151'>{E(Cut(arc.Label, 28))}</text>");
        }

        foreach (var node in layout.Nodes)
        {
            var (x, y) = (node.X - (MapLayout.NodeWidth / 2), node.Y - (MapLayout.NodeHeight / 2));
            var text = caption[node.Name];
            var lines = text.Split('\n');
            sb.Append(CultureInfo.InvariantCulture, $"<g class='node' data-name='{E(node.Name)}' data-layer='{node.Layer}'><title>{E(text.Replace('\n', ' '))}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x='{F(x)}' y='{F(y)}' width='{F(MapLayout.NodeWidth)}' height='{F(MapLayout.NodeHeight)}' rx='6' fill='#f8fafc' stroke='#94a3b8'/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(node.X)}' y='{F(y + 17)}' text-anchor='middle' font-size='12' fill='#111827'>{E(Cut(lines[0], 26))}</text>");
            if (lines.Length > 1) sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(node.X)}' y='{F(y + 32)}' text-anchor='middle' font-size='10' fill='#6b7280'>{E(Cut(lines[1], 30))}</text>");
            sb.Append("</g>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static string PathOf(MapEdge edge)
    {
        var p = edge.Points;
        if (edge.IsLoop)
        {
            return $"M{F(p[0].X)},{F(p[0].Y)} C{F(p[0].X + 34)},{F(p[0].Y - 18)} {F(p[1].X + 34)},{F(p[1].Y + 18)} {F(p[1].X)},{F(p[1].Y)}";
        }

        // Vertical tangents at every point, so the path bends smoothly through the layers it crosses.
        var sb = new StringBuilder($"M{F(p[0].X)},{F(p[0].Y)}");
        for (var i = 1; i < p.Count; i++)
        {
            var mid = (p[i - 1].Y + p[i].Y) / 2;
            sb.Append(CultureInfo.InvariantCulture, $" C{F(p[i - 1].X)},{F(mid)} {F(p[i].X)},{F(mid)} {F(p[i].X)},{F(p[i].Y)}");
        }

        return sb.ToString();
    }

    private static (double X, double Y) LabelAt(MapEdge edge)
    {
        var p = edge.Points;
        if (edge.IsLoop) return (p[0].X + 30, p[0].Y + 3);
        var a = p[(p.Count - 1) / 2];
        var b = p[p.Count / 2];
        return p.Count % 2 == 0 ? ((p[(p.Count / 2) - 1].X + b.X) / 2, (p[(p.Count / 2) - 1].Y + b.Y) / 2) : (a.X, a.Y);
    }

    public static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
