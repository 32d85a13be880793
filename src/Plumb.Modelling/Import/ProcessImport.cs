namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

// One BPMN process becoming one procedure.
internal sealed class ProcessImport(Handbook handbook, BpmnElement process, Dictionary<string, BpmnElement> index, List<string> notes)
{
    private readonly Dictionary<string, List<BpmnElement>> _outgoing = [];
    private readonly Dictionary<string, int> _incoming = [];
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);

    public Procedure Build(string id, string name)
    {
        var flows = process.Descendants().Where(e => e.Kind == "sequenceFlow").ToList();
        foreach (var flow in flows)
        {
            var source = flow.Attribute("sourceRef") ?? "";
            if (!_outgoing.TryGetValue(source, out var list)) _outgoing[source] = list = [];
            list.Add(flow);
            var target = flow.Attribute("targetRef") ?? "";
            _incoming[target] = _incoming.GetValueOrDefault(target) + 1;
        }

        var procedure = new Procedure { Id = id, Name = name, Purpose = process.Documentation };
        var nodes = process.Children.Where(c => BpmnKinds.IsFlowNode(c.Kind)).ToList();
        procedure.Trigger = nodes.Find(n => n.Kind == "startEvent")?.Name;
        procedure.Outcome = nodes.Find(n => n.Kind == "endEvent" && !string.IsNullOrWhiteSpace(n.Name))?.Name;
        var roles = Roles();
        foreach (var activity in Ordered(nodes).Where(n => BpmnKinds.IsActivity(n.Kind)))
        {
            var step = new Step
            {
                Id = BpmnImporter.UniqueId(BpmnImporter.Slug(activity.Name ?? activity.Id ?? "step"), _steps.Values.Select(s => s.Id)),
                Name = string.IsNullOrWhiteSpace(activity.Name) ? activity.Id ?? "Step" : activity.Name.Trim(),
                Kind = activity.Kind switch
                {
                    "manualTask" => StepKind.Manual,
                    "serviceTask" or "scriptTask" or "businessRuleTask" or "sendTask" or "receiveTask" => StepKind.Service,
                    _ => StepKind.User,
                },
                Instruction = activity.Documentation,
            };
            if (roles.TryGetValue(activity.Id!, out var role)) step.Raci.Responsible.Add(role);
            if (activity.Kind is "subProcess" or "transaction" or "adHocSubProcess" && activity.Children.Exists(c => BpmnKinds.IsFlowNode(c.Kind)))
                notes.Add($"{activity.Kind} '{step.Name}' becomes one step; its inner flow is not carried over");
            if (activity.Kind == "callActivity" && activity.Attribute("calledElement") is { } called) step.Call = CallOf(called);
            Data(activity, step);
            _steps[activity.Id!] = step;
            procedure.Steps.Add(step);
        }

        foreach (var (elementId, step) in _steps) Connect(elementId, step, procedure);
        foreach (var node in nodes.Where(n => BpmnKinds.IsEvent(n.Kind) && n.Kind is not ("startEvent" or "endEvent")))
            notes.Add($"{node.Kind} '{node.Name ?? node.Id}' in '{name}' is not carried over (the flow passes through it)");
        foreach (var other in process.Children.Where(c => c.Kind is "textAnnotation" or "group" or "dataStoreReference"))
            notes.Add($"{other.Kind} '{other.Name ?? other.Children.Find(c => c.Kind == "text")?.Text ?? other.Id}' in '{name}' is not carried over");
        return procedure;
    }

    // Steps in the order a reader meets them: breadth first from the start events, then whatever is left.
    private List<BpmnElement> Ordered(List<BpmnElement> nodes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<BpmnElement>();
        var queue = new Queue<BpmnElement>(nodes.Where(n => n.Kind == "startEvent" || _incoming.GetValueOrDefault(n.Id!) == 0));
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!seen.Add(node.Id!)) continue;
            order.Add(node);
            foreach (var flow in _outgoing.GetValueOrDefault(node.Id!) ?? [])
            {
                if (index.GetValueOrDefault(flow.Attribute("targetRef") ?? "") is { } next) queue.Enqueue(next);
            }
        }

        order.AddRange(nodes.Where(n => !seen.Contains(n.Id!)));
        return order;
    }

    private void Connect(string elementId, Step step, Procedure procedure)
    {
        var outgoing = _outgoing.GetValueOrDefault(elementId) ?? [];
        if (outgoing.Count == 0)
        {
            step.Next = Step.End;
            return;
        }

        if (outgoing.Count == 1 && index.GetValueOrDefault(outgoing[0].Attribute("targetRef")!) is { } target
            && BpmnKinds.IsGateway(target.Kind) && (_outgoing.GetValueOrDefault(target.Id!)?.Count ?? 0) > 1)
        {
            step.Decision = new Decision
            {
                Question = target.Name,
                Kind = target.Kind == "parallelGateway" ? DecisionKind.Parallel : DecisionKind.Exclusive,
            };
            if (target.Kind is "inclusiveGateway" or "complexGateway" or "eventBasedGateway")
                notes.Add($"{target.Kind} '{target.Name ?? target.Id}' becomes an exclusive decision");
            foreach (var branch in _outgoing[target.Id!])
            {
                var when = branch.Name ?? branch.Children.Find(c => c.Kind == "conditionExpression")?.Text;
                step.Decision.Branches.Add(new Branch { When = string.IsNullOrWhiteSpace(when) ? null : when.Trim(), Goto = Follow(branch) });
            }

            return;
        }

        var targets = outgoing.Select(Follow).Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count > 1)
        {
            // Several plain flows out of an activity split in parallel (BPMN 2.0 §13.2.1).
            step.Decision = new Decision { Kind = DecisionKind.Parallel, Branches = [.. targets.Select(t => new Branch { Goto = t })] };
            return;
        }

        step.Next = targets[0] == procedure.Following(procedure.Steps.IndexOf(step)) ? null : targets[0];
    }

    // Where a flow leads, passing through joins and intermediate events, to a step id or "end".
    private string Follow(BpmnElement flow)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = flow;
        while (index.GetValueOrDefault(current.Attribute("targetRef") ?? "") is { } node && seen.Add(node.Id!))
        {
            if (_steps.TryGetValue(node.Id!, out var step))
            {
                if (node.Id is { } id && _incoming.GetValueOrDefault(id) > 1 && current != flow && IsParallelJoin(current)) step.Join = JoinKind.All;
                return step.Id;
            }

            if (node.Kind == "endEvent") return Step.End;
            var next = _outgoing.GetValueOrDefault(node.Id!);
            if (next is not { Count: > 0 }) return Step.End;
            if (node.Kind == "parallelGateway" && _incoming.GetValueOrDefault(node.Id!) > 1 && next[0].Attribute("targetRef") is { } after
                && _steps.TryGetValue(after, out var joined)) joined.Join = JoinKind.All;
            current = next[0];
        }

        return Step.End;
    }

    private bool IsParallelJoin(BpmnElement flow) => index.GetValueOrDefault(flow.Attribute("sourceRef") ?? "")?.Kind == "parallelGateway";

    private Dictionary<string, string> Roles()
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lane in process.Descendants().Where(e => e.Kind == "lane"))
        {
            var name = string.IsNullOrWhiteSpace(lane.Name) ? lane.Id ?? "role" : lane.Name.Trim();
            var role = handbook.Roles.Find(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                role = new Role { Id = BpmnImporter.UniqueId(BpmnImporter.Slug(name), handbook.Roles.Select(r => r.Id)), Name = name };
                handbook.Roles.Add(role);
            }

            foreach (var reference in lane.ChildrenOf("flowNodeRef")) roles[reference.Text ?? ""] = role.Id;
        }

        return roles;
    }

    private void Data(BpmnElement activity, Step step)
    {
        foreach (var association in activity.ChildrenOf("dataInputAssociation"))
        {
            foreach (var source in association.ChildrenOf("sourceRef")) Record(source.Text, step.Inputs);
        }

        foreach (var association in activity.ChildrenOf("dataOutputAssociation"))
        {
            foreach (var target in association.ChildrenOf("targetRef")) Record(target.Text, step.Outputs);
        }
    }

    private void Record(string? reference, List<DataFlow> flows)
    {
        if (reference is null || index.GetValueOrDefault(reference) is not { } data || data.Kind is not ("dataObjectReference" or "dataObject" or "dataStoreReference")) return;
        var name = data.Name ?? (data.Attribute("dataObjectRef") is { } r ? index.GetValueOrDefault(r)?.Name : null) ?? data.Id ?? "record";
        var record = handbook.Records.Find(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
        if (record is null)
        {
            record = new Record { Id = BpmnImporter.UniqueId(BpmnImporter.Slug(name), handbook.Records.Select(x => x.Id)), Name = name };
            handbook.Records.Add(record);
        }

        if (!flows.Exists(f => f.Record == record.Id)) flows.Add(new DataFlow { Record = record.Id });
    }

    private string? CallOf(string calledElement)
    {
        if (BpmnIds.CalledProcedure(handbook, calledElement) is { } called) return called;
        notes.Add($"call activity to '{calledElement}' names no procedure of the handbook; the call is not carried over");
        return null;
    }
}
