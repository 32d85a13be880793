namespace Plumb.Editor.Bpmn;

using Plumb.Handbook.Model;

/// <summary>The flow of a procedure as BPMN nodes and sequence flows: start, a task per step, a gateway per decision, end.</summary>
internal sealed class ProcedureGraph
{
    public const string StartId = "Start";
    public const string EndId = "End";

    public List<Node> Nodes { get; } = [];

    public List<Flow> Flows { get; } = [];

    public static string StepNode(string stepId) => "Step_" + stepId;

    public static string GatewayNode(string stepId) => "Gateway_" + stepId;

    public static ProcedureGraph Build(Procedure procedure)
    {
        var graph = new ProcedureGraph();
        graph.Nodes.Add(new Node(StartId, "startEvent", procedure.Trigger, null));
        var steps = procedure.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var element = step.Call is not null ? "callActivity" : step.Kind switch
            {
                StepKind.Manual => "manualTask",
                StepKind.Service => "serviceTask",
                _ => "userTask",
            };
            graph.Nodes.Add(new Node(StepNode(step.Id), element, step.Name, step));
            if (step.Decision is { Branches.Count: > 0 } d)
            {
                graph.Nodes.Add(new Node(GatewayNode(step.Id), d.Kind == DecisionKind.Parallel ? "parallelGateway" : "exclusiveGateway",
                    d.Question, step));
            }
        }

        graph.Nodes.Add(new Node(EndId, "endEvent", procedure.Outcome, null));
        if (steps.Count > 0) graph.AddFlow(StartId, StepNode(steps[0].Id), null);
        else graph.AddFlow(StartId, EndId, null);

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var source = StepNode(step.Id);
            if (step.Decision is { } decision && decision.Branches.Count > 0)
            {
                var gateway = GatewayNode(step.Id);
                graph.AddFlow(source, gateway, null);
                foreach (var branch in decision.Branches) graph.AddFlow(gateway, graph.Target(procedure, branch.Goto), branch.When);
                continue;
            }

            var next = step.Next ?? (i + 1 < steps.Count ? steps[i + 1].Id : Step.End);
            graph.AddFlow(source, graph.Target(procedure, next), null);
        }

        return graph;
    }

    // The lane of a node: the first responsible role of its step; events sit with the first or last step.
    public string LaneOf(Node node, Procedure procedure)
    {
        var step = node.Step ?? (node.Id == StartId ? procedure.Steps.FirstOrDefault() : procedure.Steps.LastOrDefault());
        return step?.Raci.Responsible.FirstOrDefault() ?? "unassigned";
    }

    public List<string> Lanes(Procedure procedure)
    {
        var lanes = new List<string>();
        foreach (var node in Nodes)
        {
            var lane = LaneOf(node, procedure);
            if (!lanes.Contains(lane)) lanes.Add(lane);
        }

        return lanes;
    }

    // Longest-path column from the start, ignoring flows that go back (loops), so the flow reads left to right.
    public Dictionary<string, int> Columns()
    {
        var order = Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var columns = Nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        for (var pass = 0; pass < Nodes.Count; pass++)
        {
            var changed = false;
            foreach (var flow in Flows.Where(f => order[f.Target] > order[f.Source] || f.Target == EndId))
            {
                if (columns[flow.Target] < columns[flow.Source] + 1)
                {
                    columns[flow.Target] = columns[flow.Source] + 1;
                    changed = true;
                }
            }

            if (!changed) break;
        }

        return columns;
    }

    private string Target(Procedure procedure, string id) =>
        id == Step.End || procedure.FindStep(id) is null ? EndId : StepNode(id);

    private void AddFlow(string source, string target, string? name) =>
        Flows.Add(new Flow($"Flow_{Flows.Count + 1}", source, target, string.IsNullOrWhiteSpace(name) ? null : name));

    internal sealed record Node(string Id, string Element, string? Name, Step? Step)
    {
        public (int W, int H) Size => Element switch
        {
            "startEvent" or "endEvent" => (36, 36),
            "exclusiveGateway" or "parallelGateway" => (50, 50),
            _ => (100, 80),
        };
    }

    internal sealed record Flow(string Id, string Source, string Target, string? Name);
}
