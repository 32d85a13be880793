namespace Plumb.Modelling.Bpmn;

using Plumb.Modelling.Layout;

public static partial class ProcedureModeller
{
    private static BpmnDiagram Diagram(ProcedureFlow flow, BpmnElement collaboration, LayoutResult layout)
    {
        var diagram = new BpmnDiagram
        {
            Id = $"Diagram_{collaboration.Id}",
            Name = flow.Procedure.Name,
            PlaneId = $"Plane_{collaboration.Id}",
            PlaneElement = collaboration.Id,
        };
        var participant = collaboration.Children[0].Id!;
        diagram.Shapes.Add(new BpmnShape { Id = BpmnIds.Di(participant), Element = participant, Bounds = layout.Pool, IsHorizontal = true });
        for (var lane = 0; lane < flow.Lanes.Count; lane++)
        {
            var id = flow.Lanes[lane].Id;
            diagram.Shapes.Add(new BpmnShape { Id = BpmnIds.Di(id), Element = id, Bounds = layout.Lanes[lane], IsHorizontal = true });
        }

        foreach (var node in flow.Nodes)
        {
            diagram.Shapes.Add(new BpmnShape
            {
                Id = BpmnIds.Di(node.Id),
                Element = node.Id,
                Bounds = layout.Shapes[node.Id],
                Label = layout.Labels.TryGetValue(node.Id, out var label) ? label : null,
                IsMarkerVisible = node.Kind == "exclusiveGateway" ? true : null,
            });
            foreach (var data in node.Data)
            {
                diagram.Shapes.Add(new BpmnShape
                {
                    Id = BpmnIds.Di(data.Id),
                    Element = data.Id,
                    Bounds = layout.Shapes[data.Id],
                    Label = layout.Labels.TryGetValue(data.Id, out var dataLabel) ? dataLabel : null,
                });
            }
        }

        foreach (var edge in flow.Flows)
        {
            var di = new BpmnEdge { Id = BpmnIds.Di(edge.Id), Element = edge.Id, Label = layout.Labels.TryGetValue(edge.Id, out var l) ? l : null };
            di.Waypoints.AddRange(layout.Edges[edge.Id]);
            diagram.Edges.Add(di);
        }

        foreach (var data in flow.Nodes.SelectMany(n => n.Data))
        {
            var di = new BpmnEdge { Id = BpmnIds.Di(data.AssociationId), Element = data.AssociationId };
            di.Waypoints.AddRange(layout.Edges[data.AssociationId]);
            diagram.Edges.Add(di);
        }

        return diagram;
    }
}
