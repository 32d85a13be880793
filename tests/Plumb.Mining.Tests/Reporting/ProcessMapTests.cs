namespace Plumb.Mining.Tests.Reporting;

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Plumb.Handbook.Samples;
using Plumb.Mining.Generation;
using Plumb.Mining.Reporting;

/// <summary>The practised process map is a layered drawing of the directly-follows graph.</summary>
public sealed partial class ProcessMapTests
{
    [Fact]
    public void Layers_follow_the_longest_path_from_the_start_and_cycle_edges_go_back()
    {
        // A → B → C → D, a shortcut A → D, rework C → B, a self-loop on D.
        var layout = MapLayout.Compute(["A", "B", "C", "D"], [("A", "B"), ("B", "C"), ("C", "D"), ("A", "D"), ("C", "B"), ("D", "D")], ["A"]);

        Assert.Equal([0, 1, 2, 3], layout.Nodes.Select(n => n.Layer));
        Assert.Equal([false, false, false, false, true, true], layout.Edges.Select(e => e.IsBack));
        Assert.True(layout.Edges[5].IsLoop);

        // The shortcut crosses two layers: it passes one point in each, between the boxes.
        Assert.Equal(4, layout.Edges[3].Points.Count);
        Assert.True(layout.Edges[4].Points[0].Y > layout.Edges[4].Points[^1].Y, "the rework edge is drawn upwards");
    }

    [Fact]
    public void Barycentre_ordering_removes_an_avoidable_crossing()
    {
        // Two parallel lanes given in crossing order: S→A→Y and S→B→X with row orders [A, B] and [X, Y].
        var layout = MapLayout.Compute(["S", "A", "B", "X", "Y"], [("S", "A"), ("S", "B"), ("A", "Y"), ("B", "X")], ["S"]);
        var x = layout.Nodes.ToDictionary(n => n.Name, n => n.X);

        Assert.Equal(x["A"] < x["B"], x["Y"] < x["X"]);
    }

    [Fact]
    public void The_practised_map_is_well_formed_svg_with_each_activity_once_and_edges_downwards_except_back_edges()
    {
        // Given a generated incident log with reopenings and reassignments (so the graph has cycles)
        var handbook = ExampleHandbook.Create("Test");
        var process = handbook.Processes[0];
        var log = LogGenerator.Generate(handbook, process.Procedures[0], new GeneratorOptions { Cases = 400, Seed = 3, ReopenRate = 0.2 }).Log;
        var report = AnalysisReport.Build(log, process, process.Procedures[0]);

        // When the HTML report is written
        var html = new StringWriter();
        HtmlReport.Write(report, html);
        var svg = XElement.Parse(MapSvg().Match(html.ToString()).Value);

        // Then each activity of the DFG is one node, and every edge but a back edge goes to a later layer
        // (Inline SVG in HTML needs no namespace, and the page names no URL.)
        XNamespace ns = "";
        var nodes = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "node").Select(g => (string)g.Attribute("data-name")!).ToList();
        Assert.Equal(report.Dfg.Activities.Keys.Order(StringComparer.Ordinal), nodes.Order(StringComparer.Ordinal));
        var edges = svg.Descendants(ns + "path").Where(p => ((string?)p.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Math.Min(40, report.Dfg.Edges.Count), edges.Count);
        var backEdges = 0;
        foreach (var edge in edges)
        {
            var (from, to) = ((int)edge.Attribute("data-from-layer")!, (int)edge.Attribute("data-to-layer")!);
            switch ((string)edge.Attribute("class")!)
            {
                case "edge": Assert.True(from < to, $"{edge.Attribute("data-from")} → {edge.Attribute("data-to")}: layer {from} to {to}"); break;
                case "edge back": Assert.True(from > to); backEdges++; break;
                default: Assert.Equal((string)edge.Attribute("data-from")!, (string)edge.Attribute("data-to")!); break;
            }

            Assert.Equal("url(#practice-arrow)", (string)edge.Attribute("marker-end")!);
        }

        Assert.True(backEdges > 0, "reopenings give at least one back edge");
    }

    [GeneratedRegex("<svg class='map'.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex MapSvg();
}
