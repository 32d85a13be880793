namespace Plumb.Modelling.Bpmn;

using Plumb.Handbook.Model;
using Plumb.Modelling.Layout;

/// <summary>A node of a procedure's flow before it becomes XML: its BPMN kind, lane and attached data objects.</summary>
internal sealed record FlowNode(string Id, string Local, string Kind, string? Name, int Lane)
{
    public string? Documentation { get; init; }

    public string? CalledElement { get; init; }

    public string? DefaultFlow { get; set; }

    public Step? Step { get; init; }

    public List<FlowData> Data { get; } = [];
}

/// <summary>A data object reference drawn next to a step, for one of its inputs or outputs.</summary>
internal sealed record FlowData(string Id, string Label, string Record, string AssociationId, bool IsInput);

/// <summary>A sequence flow with its name and, for exclusive branches, its condition.</summary>
internal sealed record FlowEdge(string Id, string From, string To, string? Name, string? Condition);

/// <summary>The flow of one procedure as BPMN nodes and sequence flows: the mapping rules of the domain live here.</summary>
internal sealed class ProcedureFlow(Handbook handbook, Process process, Procedure procedure)
{
    private readonly Dictionary<string, int> _laneIndex = new(StringComparer.Ordinal);
    private readonly List<(FlowNode From, string Target, string? Name, string? Condition, bool Default, int Branch)> _raw = [];
    private readonly HashSet<string> _flowIds = new(StringComparer.Ordinal);

    public Procedure Procedure => procedure;

    public List<(string Id, string Name, string Role)> Lanes { get; } = [];

    public List<FlowNode> Nodes { get; } = [];

    public List<FlowEdge> Flows { get; } = [];

    /// <summary>Record id → dataObject id, in order of first use.</summary>
    public Dictionary<string, string> Records { get; } = new(StringComparer.Ordinal);

    public void Build()
    {
        var steps = procedure.Steps;
        foreach (var step in steps) LaneOf(step);
        if (Lanes.Count == 0) LaneFor(process.Owner ?? "unassigned");
        var start = Add(new FlowNode(BpmnIds.Start(procedure.Id), "start", "startEvent", Text(procedure.Trigger) ?? "Start",
            steps.Count > 0 ? LaneOf(steps[0]) : 0));
        _raw.Add((start, steps.Count > 0 ? steps[0].Id : Step.End, null, null, false, 0));
        var stepNodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var node = Add(StepNode(step));
            stepNodes.TryAdd(step.Id, node);
            if (step.Decision is { Branches.Count: >= 2 } decision)
            {
                var exclusive = decision.Kind == DecisionKind.Exclusive;
                var gateway = Add(new FlowNode(BpmnIds.Decision(procedure.Id, step.Id), $"gw-{step.Id}",
                    exclusive ? "exclusiveGateway" : "parallelGateway", Text(decision.Question) ?? (exclusive ? $"{step.Name}?" : null), node.Lane));
                _raw.Add((node, gateway.Id, null, null, false, 0));
                var hasDefault = false;
                for (var b = 0; b < decision.Branches.Count; b++)
                {
                    var branch = decision.Branches[b];
                    var when = Text(branch.When);
                    // An exclusive branch without a condition is the gateway's default flow; only one can be.
                    var isDefault = exclusive && when is null && !hasDefault;
                    hasDefault |= isDefault;
                    var condition = exclusive && !isDefault ? when ?? $"branch {b + 1}" : null;
                    _raw.Add((gateway, branch.Goto, exclusive ? when ?? (isDefault ? null : condition) : null, condition, isDefault, b + 1));
                }
            }
            else
            {
                // One way out (a single branch or the next step) needs no gateway.
                _raw.Add((node, procedure.Successors(i).First(), null, null, false, 0));
            }
        }

        Connect(stepNodes);
    }

    private void Connect(Dictionary<string, FlowNode> stepNodes)
    {
        var incoming = _raw.Where(r => stepNodes.ContainsKey(r.Target)).GroupBy(r => r.Target).ToDictionary(g => g.Key, g => g.Count());
        var joins = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var (id, step) in stepNodes)
        {
            if (incoming.GetValueOrDefault(id) < 2) continue;
            var join = new FlowNode(BpmnIds.Join(procedure.Id, id), $"join-{id}",
                step.Step!.Join == JoinKind.All ? "parallelGateway" : "exclusiveGateway", null, step.Lane);
            Nodes.Insert(Nodes.IndexOf(step), join);
            joins[id] = join;
            AddFlow(join, step, null, null);
        }

        var byId = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var (from, target, name, condition, isDefault, branch) in _raw)
        {
            var to = byId.GetValueOrDefault(target)
                ?? (joins.TryGetValue(target, out var join) ? join : stepNodes.GetValueOrDefault(target))
                ?? EndNode(from, branch);
            var flow = AddFlow(from, to, name, condition);
            if (isDefault) from.DefaultFlow = flow.Id;
        }
    }

    private FlowNode EndNode(FlowNode from, int branch)
    {
        var local = branch > 0 ? $"{from.Step?.Id ?? from.Local}-{branch}" : from.Step?.Id ?? from.Local;
        var end = new FlowNode($"EndEvent_{BpmnIds.Clean(procedure.Id)}_{BpmnIds.Clean(local)}", $"end-{local}", "endEvent",
            Text(procedure.Outcome) ?? "End", from.Lane);
        Nodes.Insert(Nodes.IndexOf(from) + 1, end);
        return end;
    }

    private FlowEdge AddFlow(FlowNode from, FlowNode to, string? name, string? condition)
    {
        var id = $"Flow_{BpmnIds.Clean(procedure.Id)}_{BpmnIds.Clean(from.Local)}_to_{BpmnIds.Clean(to.Local)}";
        var unique = id;
        for (var n = 2; !_flowIds.Add(unique); n++) unique = $"{id}_{n}";
        var flow = new FlowEdge(unique, from.Id, to.Id, name, condition);
        Flows.Add(flow);
        return flow;
    }

    private FlowNode StepNode(Step step)
    {
        var call = step.Call is { } c ? ProcedureModeller.CallTarget(handbook, process, c) : null;
        var kind = step.Call is not null ? "callActivity" : step.Kind switch
        {
            StepKind.Manual => "manualTask",
            StepKind.Service => "serviceTask",
            _ => "userTask",
        };
        var node = new FlowNode(BpmnIds.Step(procedure.Id, step.Id), step.Id, kind, Text(step.Name) ?? step.Id, LaneOf(step))
        {
            Documentation = step.Instruction,
            CalledElement = call is { } target ? BpmnIds.Process(target.Process.Id, target.Procedure.Id) : null,
            Step = step,
        };
        AddData(node, step.Inputs, true);
        AddData(node, step.Outputs, false);
        return node;
    }

    private void AddData(FlowNode node, List<DataFlow> flows, bool input)
    {
        foreach (var record in flows.Select(f => f.Record).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal))
        {
            if (!Records.ContainsKey(record)) Records[record] = $"DataObject_{BpmnIds.Clean(procedure.Id)}_{BpmnIds.Clean(record)}";
            var direction = input ? "in" : "out";
            var id = $"DataObjectReference_{BpmnIds.Clean(procedure.Id)}_{BpmnIds.Clean(node.Local)}_{direction}_{BpmnIds.Clean(record)}";
            var association = $"{(input ? "DataInputAssociation" : "DataOutputAssociation")}_{BpmnIds.Clean(procedure.Id)}_{BpmnIds.Clean(node.Local)}_{BpmnIds.Clean(record)}";
            node.Data.Add(new FlowData(id, handbook.FindRecord(record)?.Name ?? record, record, association, input));
        }
    }

    private FlowNode Add(FlowNode node)
    {
        Nodes.Add(node);
        return node;
    }

    private int LaneOf(Step step) => LaneFor(step.Raci.Responsible.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)) ?? "unassigned");

    private int LaneFor(string role)
    {
        if (_laneIndex.TryGetValue(role, out var index)) return index;
        _laneIndex[role] = Lanes.Count;
        Lanes.Add((BpmnIds.Lane(procedure.Id, role), handbook.FindRole(role)?.Name ?? (role == "unassigned" ? "Unassigned" : role), role));
        return Lanes.Count - 1;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public LayoutGraph ToLayoutGraph()
    {
        var graph = new LayoutGraph();
        graph.Lanes.AddRange(Lanes.Select(l => l.Name));
        foreach (var node in Nodes)
        {
            var kind = node.Kind switch
            {
                "startEvent" or "endEvent" => LayoutNodeKind.Event,
                "exclusiveGateway" or "parallelGateway" => LayoutNodeKind.Gateway,
                _ => LayoutNodeKind.Task,
            };
            var layoutNode = new LayoutNode(node.Id, kind, node.Lane, node.Name);
            layoutNode.Data.AddRange(node.Data.Select(d => new LayoutData(d.Id, d.Label, d.AssociationId, d.IsInput)));
            graph.Nodes.Add(layoutNode);
        }

        graph.Edges.AddRange(Flows.Select(f => new LayoutEdge(f.Id, f.From, f.To, f.Name)));
        return graph;
    }
}
