namespace Plumb.Modelling.Tests.Layout;

using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Samples;

public class LayoutPropertyTests
{
    public static TheoryData<int> Sizes() => [1, 3, 8, 25, 60, 150, 300];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generated_procedures_lay_out_without_overlaps_with_edges_on_borders_and_tasks_in_their_lanes(int steps)
    {
        // Given a generated procedure with decisions, loops, parallel branches, calls and data
        var handbook = GeneratedHandbook.Create(steps);
        var process = handbook.FindProcess("generated")!;

        // When it is modelled
        var definitions = ProcedureModeller.Model(handbook, process);
        var diagram = Assert.Single(definitions.Diagrams);
        var index = definitions.IndexById();

        // Then no two shapes or labels overlap
        var boxes = diagram.Shapes.Where(s => index[s.Element].Kind is not ("participant" or "lane")).Select(s => (s.Element, s.Bounds))
            .Concat(diagram.Shapes.Where(s => s.Label is not null).Select(s => ($"label of {s.Element}", s.Label!.Value)))
            .Concat(diagram.Edges.Where(e => e.Label is not null).Select(e => ($"label of {e.Element}", e.Label!.Value))).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
                Assert.False(boxes[i].Item2.Overlaps(boxes[j].Item2), $"{boxes[i].Item1} overlaps {boxes[j].Item1}");
        }

        // And every edge starts and ends on its shapes' borders, with orthogonal segments
        var bounds = diagram.Shapes.ToDictionary(s => s.Element, s => s.Bounds);
        foreach (var edge in diagram.Edges)
        {
            var element = index[edge.Element];
            var (source, target) = element.Kind switch
            {
                "dataInputAssociation" => (element.Children.Single(c => c.Kind == "sourceRef").Text!, Owner(definitions, element)),
                "dataOutputAssociation" => (Owner(definitions, element), element.Children.Single(c => c.Kind == "targetRef").Text!),
                _ => (element.Attribute("sourceRef")!, element.Attribute("targetRef")!),
            };
            Assert.True(bounds[source].OnBorder(edge.Waypoints[0]), $"{edge.Element} does not start on {source}'s border");
            Assert.True(bounds[target].OnBorder(edge.Waypoints[^1]), $"{edge.Element} does not end on {target}'s border");
            for (var k = 1; k < edge.Waypoints.Count; k++)
            {
                var (a, b) = (edge.Waypoints[k - 1], edge.Waypoints[k]);
                Assert.True(Math.Abs(a.X - b.X) < 0.01 || Math.Abs(a.Y - b.Y) < 0.01, $"{edge.Element} has a slanted segment");
            }
        }

        // And every node lies inside the lane that lists it, and every lane inside the pool
        var pool = diagram.Shapes.Single(s => index[s.Element].Kind == "participant").Bounds;
        foreach (var lane in definitions.AllElements().Where(e => e.Kind == "lane"))
        {
            Assert.True(pool.Contains(bounds[lane.Id!]));
            foreach (var reference in lane.ChildrenOf("flowNodeRef"))
            {
                Assert.True(bounds[lane.Id!].Contains(bounds[reference.Text!]), $"{reference.Text} is outside {lane.Name}");
                if (diagram.Shapes.Single(s => s.Element == reference.Text).Label is { } label) Assert.True(bounds[lane.Id!].Contains(label));
            }
        }
    }

    [Fact]
    public void The_same_procedure_always_gives_the_same_model()
    {
        var first = BpmnWriter.ToXml(ProcedureModeller.Model(GeneratedHandbook.Create(80), GeneratedHandbook.Create(80).FindProcess("generated")!));
        var second = BpmnWriter.ToXml(ProcedureModeller.Model(GeneratedHandbook.Create(80), GeneratedHandbook.Create(80).FindProcess("generated")!));

        Assert.Equal(first, second);
    }

    private static string Owner(BpmnDefinitions definitions, BpmnElement association) =>
        definitions.AllElements().Single(e => e.Children.Contains(association)).Id!;
}
