namespace Plumb.Server.Portal;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

/// <summary>The process landscape: every process as a box, and the records passed between processes on the arrows.</summary>
public static class LandscapeSvg
{
    private const int BoxWidth = 210;
    private const int BoxHeight = 64;
    private const int GapX = 150;
    private const int GapY = 110;
    private const int Margin = 30;

    public static string Render(IReadOnlyList<Process> processes, IReadOnlyList<ProcessFlow> flows, PortalSite site)
    {
        var columns = Math.Clamp((int)Math.Ceiling(Math.Sqrt(processes.Count)), 1, 4);
        var rows = Math.Max(1, (int)Math.Ceiling(processes.Count / (double)columns));
        var width = Margin * 2 + columns * BoxWidth + (columns - 1) * GapX;
        var height = Margin * 2 + rows * BoxHeight + (rows - 1) * GapY;
        var place = new Dictionary<Process, (double X, double Y)>();
        for (var i = 0; i < processes.Count; i++)
        {
            place[processes[i]] = (Margin + i % columns * (BoxWidth + GapX), Margin + i / columns * (BoxHeight + GapY));
        }

        var svg = new StringBuilder();
        // A group, not an image: its process boxes are links, and the links inside an image would be hidden from assistive technology.
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="landscape" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="landscape-title">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="landscape-title">{X($"Process landscape: {processes.Count} processes and {flows.Count} data flows between them")}</title>""");
        svg.Append("""<defs><marker id="landscape-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>""");

        // Records between the same two processes share one arrow; arrows both ways are drawn apart so both stay readable.
        foreach (var group in flows.GroupBy(f => (f.From, f.To)))
        {
            var (from, to) = group.Key;
            var a = Centre(place[from]);
            var b = Centre(place[to]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
            var offset = flows.Any(f => f.From == to && f.To == from) ? 8 : 0;
            var (nx, ny) = (-dy / length * offset, dx / length * offset);
            var start = Clip(a, b, nx, ny);
            var end = Clip(b, a, nx, ny);
            var label = string.Join(", ", group.Select(f => f.Record).Distinct(StringComparer.Ordinal));
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="flow-edge"><title>{X($"{from.Name} passes {label} to {to.Name}")}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="edge" x1="{start.X:0.#}" y1="{start.Y:0.#}" x2="{end.X:0.#}" y2="{end.Y:0.#}" marker-end="url(#landscape-arrow)"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="edge-label" x="{(start.X + end.X) / 2 + nx * 2:0.#}" y="{(start.Y + end.Y) / 2 + ny * 2 - 4:0.#}" text-anchor="middle">{X(Truncate(label, 40))}</text></g>""");
        }

        foreach (var process in processes)
        {
            var (x, y) = place[process];
            svg.Append(CultureInfo.InvariantCulture, $"""<a href="{X(site.Href(Links.Process(process.Id)))}" class="process-link">""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="process" x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="10"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="process-name" x="{x + BoxWidth / 2}" y="{y + 30}" text-anchor="middle">{X(Truncate(process.Name, 28))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="process-meta" x="{x + BoxWidth / 2}" y="{y + 50}" text-anchor="middle">{process.Procedures.Count} procedure(s)</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<title>{X(process.Name)}{(process.Purpose is { } p ? ": " + X(p) : "")}</title></a>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static (double X, double Y) Centre((double X, double Y) corner) => (corner.X + BoxWidth / 2.0, corner.Y + BoxHeight / 2.0);

    // Where the line from a box's centre towards another point leaves the box.
    private static (double X, double Y) Clip((double X, double Y) from, (double X, double Y) to, double nx, double ny)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var scale = Math.Min(dx == 0 ? double.MaxValue : (BoxWidth / 2.0 + 4) / Math.Abs(dx), dy == 0 ? double.MaxValue : (BoxHeight / 2.0 + 4) / Math.Abs(dy));
        return (from.X + dx * scale + nx, from.Y + dy * scale + ny);
    }
}
