namespace Plumb.Modelling.Import;

using System.Text.Json;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

// One edited diagram merged into one procedure: steps and lanes here, flows in DiagramMerge.Flows.cs.
internal sealed partial class DiagramMerge(Handbook handbook, Process process, Procedure original, BpmnDefinitions definitions)
{
    private const string Unassigned = "unassigned";
    private readonly List<string> _notes = [];
    private readonly List<Role> _newRoles = [];
    private readonly Dictionary<string, Step> _stepOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BpmnElement> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BpmnElement>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BpmnElement>> _incoming = new(StringComparer.Ordinal);

    public ProcedureMerge Run()
    {
        var result = Copy(original);
        var bpmnProcess = FindProcess();
        if (bpmnProcess is null) return new ProcedureMerge(result, [], [], "the diagram has no process");
        Index(bpmnProcess);

        var existing = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var step in result.Steps) existing.TryAdd(BpmnIds.Step(original.Id, step.Id), step);
        var lanes = LaneRoles(bpmnProcess);
        var kept = new List<Step>();
        foreach (var activity in bpmnProcess.Children.Where(c => BpmnKinds.IsActivity(c.Kind) && c.Id is not null))
        {
            var step = existing.GetValueOrDefault(activity.Id!) ?? NewStep(activity, result.Steps.Concat(kept));
            if (!string.IsNullOrWhiteSpace(activity.Name)) step.Name = activity.Name.Trim();
            step.Kind = activity.Kind switch
            {
                "manualTask" => StepKind.Manual,
                "serviceTask" or "scriptTask" or "sendTask" or "receiveTask" or "businessRuleTask" => StepKind.Service,
                "userTask" => StepKind.User,
                _ => step.Kind,
            };
            if (lanes.GetValueOrDefault(activity.Id!) is { } role) HandOver(step, role);
            if (_stepOf.TryAdd(activity.Id!, step)) kept.Add(step);
        }

        result.Steps = Order(kept);
        Events(result);
        Connect(result);
        Guard(result);
        return new ProcedureMerge(result, _newRoles, _notes) { Refusals = _refusals };
    }

    // The procedure's own process when the diagram still has it, else the one with lanes, else the one with most activities.
    private BpmnElement? FindProcess()
    {
        var own = BpmnIds.Process(process.Id, original.Id);
        var processes = definitions.Processes.ToList();
        return processes.Find(p => p.Id == own)
            ?? processes.OrderByDescending(p => p.Children.Exists(c => c.Kind == "laneSet"))
                .ThenByDescending(p => p.Children.Count(c => BpmnKinds.IsActivity(c.Kind)))
                .FirstOrDefault();
    }

    private void Index(BpmnElement bpmnProcess)
    {
        foreach (var node in bpmnProcess.Children.Where(c => BpmnKinds.IsFlowNode(c.Kind) && c.Id is not null)) _nodes.TryAdd(node.Id!, node);
        foreach (var flow in bpmnProcess.Children.Where(c => c.Kind == "sequenceFlow"))
        {
            var source = flow.Attribute("sourceRef") ?? "";
            var target = flow.Attribute("targetRef") ?? "";
            if (!_outgoing.TryGetValue(source, out var from)) _outgoing[source] = from = [];
            if (!_incoming.TryGetValue(target, out var to)) _incoming[target] = to = [];
            from.Add(flow);
            to.Add(flow);
        }
    }

    private Step NewStep(BpmnElement activity, IEnumerable<Step> taken)
    {
        var name = string.IsNullOrWhiteSpace(activity.Name) ? "New step" : activity.Name.Trim();
        var step = new Step
        {
            Id = BpmnImporter.UniqueId(BpmnImporter.Slug(name), taken.Select(s => s.Id)),
            Name = name,
            Instruction = activity.Documentation,
        };

        // A step drawn in the modeler answers to whoever answers for the rest of the procedure, so it is never left without one.
        if (original.Steps.SelectMany(s => s.Raci.Accountable).GroupBy(a => a, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).FirstOrDefault()?.Key is { } accountable)
        {
            step.Raci.Accountable.Add(accountable);
        }

        if (activity.Kind == "callActivity" && activity.Attribute("calledElement") is { } called) step.Call = CallOf(called);
        return step;
    }

    // The lane is the first responsible role: moving a task to another lane hands the step over.
    private static void HandOver(Step step, string role)
    {
        if (step.Raci.Responsible.FirstOrDefault() == role) return;
        step.Raci.Responsible.Remove(role);
        if (step.Raci.Responsible.Count > 0) step.Raci.Responsible[0] = role;
        else step.Raci.Responsible.Add(role);
    }

    // Flow node id → role id; nested lanes come after their parent, so the innermost lane wins.
    private Dictionary<string, string?> LaneRoles(BpmnElement bpmnProcess)
    {
        var byLane = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in handbook.Roles.Select(r => r.Id).Concat(original.Steps.SelectMany(s => s.Raci.Responsible)).Append(Unassigned))
            byLane.TryAdd(BpmnIds.Lane(original.Id, role), role);
        var roles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var lane in bpmnProcess.Descendants().Where(e => e.Kind == "lane"))
        {
            var role = RoleOf(lane, byLane);
            foreach (var reference in lane.ChildrenOf("flowNodeRef")) roles[reference.Text ?? ""] = role;
        }

        return roles;
    }

    private string? RoleOf(BpmnElement lane, Dictionary<string, string> byLane)
    {
        var name = lane.Name?.Trim() ?? "";
        if (lane.Id is { } id && byLane.TryGetValue(id, out var known))
        {
            var knownName = known == Unassigned ? "Unassigned" : handbook.FindRole(known)?.Name ?? known;
            if (name.Length == 0 || string.Equals(name, knownName, StringComparison.OrdinalIgnoreCase)) return known == Unassigned ? null : known;
        }

        if (name.Length == 0 || string.Equals(name, "Unassigned", StringComparison.OrdinalIgnoreCase)) return null;
        var byName = handbook.Roles.Concat(_newRoles).FirstOrDefault(r =>
            string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Id, name, StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName.Id;
        var role = new Role
        {
            Id = BpmnImporter.UniqueId(BpmnImporter.Slug(name), handbook.Roles.Concat(_newRoles).Select(r => r.Id)),
            Name = name,
            InPlace = false,
        };
        _newRoles.Add(role);
        return role.Id;
    }

    // Steps keep their order; a new step goes right after the step a flow leads to it from (or last when none does).
    private List<Step> Order(List<Step> kept)
    {
        var position = original.Steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var ordered = kept.Where(s => position.ContainsKey(s.Id)).OrderBy(s => position[s.Id]).ToList(); // new steps never reuse an old id
        var pending = kept.Where(s => !ordered.Contains(s)).ToList();
        for (var guard = 0; pending.Count > 0 && guard <= kept.Count; guard++)
        {
            foreach (var step in pending.ToList())
            {
                var predecessor = Predecessor(step);
                var at = predecessor is null ? -1 : ordered.IndexOf(predecessor);
                if (predecessor is not null && at < 0 && guard < kept.Count) continue; // its predecessor is new too: place that first
                ordered.Insert(at < 0 ? ordered.Count : at + 1, step);
                pending.Remove(step);
            }
        }

        return ordered;
    }

    // The nearest step upstream, walking back through gateways and events.
    private Step? Predecessor(Step step)
    {
        var node = _stepOf.First(p => p.Value == step).Key;
        var frontier = new Queue<string>([node]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { node };
        while (frontier.Count > 0)
        {
            foreach (var flow in _incoming.GetValueOrDefault(frontier.Dequeue()) ?? [])
            {
                var source = flow.Attribute("sourceRef") ?? "";
                if (_stepOf.TryGetValue(source, out var found) && found != step) return found;
                if (seen.Add(source)) frontier.Enqueue(source);
            }
        }

        return null;
    }

    private string? CallOf(string calledElement)
    {
        if (BpmnIds.CalledProcedure(handbook, calledElement) is { } called) return called;
        _notes.Add($"call activity to '{calledElement}' names no procedure of the handbook; the call is not carried over");
        return null;
    }

    private static Procedure Copy(Procedure procedure) =>
        JsonSerializer.Deserialize<Procedure>(JsonSerializer.Serialize(procedure, HandbookJson.Compact), HandbookJson.Compact)!;
}
