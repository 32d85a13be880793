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
        var sb = new StringBuilder($"<svg class='chart' width='{labelWidth + barWidth + 90}' height='{(bars.Count * row) + 4}' role='img'>");
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
        var sb = new StringBuilder($"<svg class='trend' width='{width}' height='{height}' role='img'>");
        if (target is { } t) sb.Append(CultureInfo.InvariantCulture, $"<line x1='0' x2='{width}' y1='{F(Y(t))}' y2='{F(Y(t))}' class='target'><title>target {F(t)}</title></line>");
        sb.Append(CultureInfo.InvariantCulture, $"<polyline points='{line}' fill='none' stroke='#2563eb' stroke-width='2'/>");
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v) sb.Append(CultureInfo.InvariantCulture, $"<circle cx='{F(X(i))}' cy='{F(Y(v))}' r='2.5' fill='#2563eb'><title>{E(points[i].Key)}: {F(v)}</title></circle>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>A process map: nodes top to bottom in the given order, arcs on the side, thicker for more frequent flows.</summary>
    public static string Map(IReadOnlyList<(string Node, string Caption)> nodes, IReadOnlyList<(string From, string To, double Weight, string Label)> arcs, string color)
    {
        const int nodeHeight = 34, gap = 18, nodeWidth = 230, left = 20;
        var index = nodes.Select((n, i) => (n.Node, i)).ToDictionary(p => p.Node, p => p.i, StringComparer.Ordinal);
        var height = (nodes.Count * (nodeHeight + gap)) + 20;
        var maxWeight = Math.Max(1e-9, arcs.Count == 0 ? 1 : arcs.Max(a => a.Weight));
        var sb = new StringBuilder($"<svg class='map' width='{left + nodeWidth + 260}' height='{height}' role='img'>");
        double Mid(int i) => 10 + (i * (nodeHeight + gap)) + (nodeHeight / 2.0);
        var k = 0;
        foreach (var (from, to, weight, label) in arcs)
        {
            if (!index.TryGetValue(from, out var a) || !index.TryGetValue(to, out var b)) continue;
            var stroke = F(1 + (weight / maxWeight * 7));
            string path;
            if (b == a + 1)
            {
                path = $"M{left + (nodeWidth / 2)},{F(Mid(a) + (nodeHeight / 2.0))} L{left + (nodeWidth / 2)},{F(Mid(b) - (nodeHeight / 2.0))}";
            }
            else
            {
                var bend = left + nodeWidth + 20 + (Math.Abs(b - a) * 14) + (k++ % 4 * 6);
                path = $"M{left + nodeWidth},{F(Mid(a))} C{bend},{F(Mid(a))} {bend},{F(Mid(b))} {left + nodeWidth},{F(Mid(b))}";
            }

            sb.Append(CultureInfo.InvariantCulture, $"<path d='{path}' fill='none' stroke='{color}' stroke-opacity='0.55' stroke-width='{stroke}' marker-end='url(#arrow)'><title>{E(from)} → {E(to)}: {E(label)}</title></path>");
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var y = 10 + (i * (nodeHeight + gap));
            sb.Append(CultureInfo.InvariantCulture, $"<rect x='{left}' y='{y}' width='{nodeWidth}' height='{nodeHeight}' rx='6' class='node'/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{left + 8}' y='{y + 21}'>{E(Cut(nodes[i].Caption, 34))}<title>{E(nodes[i].Caption)}</title></text>");
        }

        return sb.Append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='8' markerHeight='8' markerUnits='userSpaceOnUse' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs></svg>").ToString();
    }

    public static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
