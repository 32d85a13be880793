namespace Plumb.Modelling.Svg;

using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Layout;

/// <summary>Paints a BPMN diagram in BPMN notation on any <see cref="ICanvas"/>: pools, lanes, events, tasks, gateways, data, flows, labels.</summary>
public static partial class DiagramPainter
{
    private const string Ink = "#1f2933";
    private static readonly Style Thin = new(Ink, "#ffffff", 1.5);

    /// <summary>The area the diagram covers, with a margin.</summary>
    public static Bounds Extent(BpmnDiagram diagram)
    {
        var all = diagram.Shapes.Select(s => s.Bounds).Concat(diagram.Shapes.Where(s => s.Label is not null).Select(s => s.Label!.Value))
            .Concat(diagram.Edges.SelectMany(e => e.Waypoints.Select(p => new Bounds(p.X, p.Y, 0, 0))))
            .Concat(diagram.Edges.Where(e => e.Label is not null).Select(e => e.Label!.Value)).ToList();
        if (all.Count == 0) return new Bounds(0, 0, 100, 100);
        var extent = all.Aggregate((a, b) => a.Union(b));
        return new Bounds(extent.X - 20, extent.Y - 20, extent.Width + 40, extent.Height + 40);
    }

    /// <summary>Paints every shape and edge of the diagram; elements the model does not define are skipped.</summary>
    public static void Paint(BpmnDefinitions definitions, BpmnDiagram diagram, ICanvas canvas, RenderOptions options)
    {
        var index = definitions.IndexById();
        // Pools and lanes first so everything else sits on top of them.
        foreach (var shape in diagram.Shapes.OrderBy(s => index.GetValueOrDefault(s.Element)?.Kind is "participant" or "lane" ? 0 : 1))
        {
            if (index.GetValueOrDefault(shape.Element) is not { } element) continue;
            canvas.BeginGroup(shape.Element, element.Kind, Data(element, options), Link(element, options));
            PaintShape(element, shape, canvas);
            canvas.EndGroup();
        }

        foreach (var edge in diagram.Edges)
        {
            if (edge.Waypoints.Count < 2) continue;
            var element = index.GetValueOrDefault(edge.Element) ?? new BpmnElement("sequenceFlow", edge.Id);
            canvas.BeginGroup(edge.Element.Length > 0 ? edge.Element : edge.Id, element.Kind, Data(element, options), null);
            PaintEdge(element, edge, index, canvas);
            canvas.EndGroup();
        }
    }

    private static Dictionary<string, string> Data(BpmnElement element, RenderOptions options)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["element-id"] = element.Id ?? "" };
        if (element.Id is { } id && options.StepIds.TryGetValue(id, out var step)) data["step"] = step;
        return data;
    }

    private static ElementLink? Link(BpmnElement element, RenderOptions options)
    {
        if (element.Id is { } id && options.Links.TryGetValue(id, out var link)) return link;
        return element.Kind == "callActivity" && element.Attribute("calledElement") is { } called && options.CallLinks.TryGetValue(called, out var call)
            ? new ElementLink(call, element.Name ?? called)
            : null;
    }

    private static void PaintEdge(BpmnElement element, BpmnEdge edge, Dictionary<string, BpmnElement> index, ICanvas canvas)
    {
        var points = edge.Waypoints;
        switch (element.Kind)
        {
            case "messageFlow":
                canvas.Line(points, new Style(Ink, "none", 1.5, Dashed: true), ArrowHead.Open, ArrowHead.Circle);
                break;
            case "association" or "dataInputAssociation" or "dataOutputAssociation":
                var arrow = element.Kind != "association" || element.Attribute("associationDirection") == "One" ? ArrowHead.Open : ArrowHead.None;
                canvas.Line(points, new Style(Ink, "none", 1.5, Dotted: true), arrow, ArrowHead.None);
                break;
            default:
                var source = element.Attribute("sourceRef") is { } s ? index.GetValueOrDefault(s) : null;
                var isDefault = source?.Attribute("default") == element.Id && element.Id is not null;
                canvas.Line(points, new Style(Ink, "none", 1.5), ArrowHead.Filled, isDefault ? ArrowHead.Slash : ArrowHead.None);
                break;
        }

        if (!string.IsNullOrWhiteSpace(element.Name))
        {
            var label = edge.Label ?? new Bounds(points[0].X + 6, points[0].Y - 18, 90, 14);
            Label(canvas, element.Name, label);
        }
    }

    internal static void Label(ICanvas canvas, string text, Bounds bounds)
    {
        var lines = TextMetrics.Wrap(text, Math.Max(bounds.Width, 60));
        canvas.Text(lines, bounds.Center.X, bounds.Y, 11);
    }
}
