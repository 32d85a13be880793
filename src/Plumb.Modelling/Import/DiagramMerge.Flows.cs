namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

internal sealed partial class DiagramMerge
{
    // Start and end events carry the trigger and the outcome; the modeller writes "Start" and "End" when there are none.
    private void Events(Procedure result)
    {
        var start = _nodes.Values.FirstOrDefault(n => n.Kind == "startEvent")?.Name?.Trim();
        if (!string.IsNullOrEmpty(start) && start != "Start") result.Trigger = start;
        var ends = _nodes.Values.Where(n => n.Kind == "endEvent").Select(n => n.Name?.Trim()).Where(n => !string.IsNullOrEmpty(n) && n != "End")
            .Distinct(StringComparer.Ordinal).ToList();
        if (ends.Count == 1) result.Outcome = ends[0];
        foreach (var node in _nodes.Values.Where(n => n.Kind is "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent"))
            _notes.Add($"{node.Kind} '{node.Name ?? node.Id}' is not carried over (the flow passes through it)");
    }

    private void Connect(Procedure procedure)
    {
        var nodeOf = _stepOf.ToDictionary(p => p.Value, p => p.Key);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var step = procedure.Steps[i];
            var node = nodeOf[step];
            var previous = step.Decision;
            var following = procedure.Following(i);
            step.Decision = null;
            step.Next = null;
            JoinOf(step, node);
            var outgoing = _outgoing.GetValueOrDefault(node) ?? [];
            var splits = outgoing.Select(f => _nodes.GetValueOrDefault(f.Attribute("targetRef") ?? ""))
                .FirstOrDefault(g => g is not null && BpmnKinds.IsGateway(g.Kind) && (_outgoing.GetValueOrDefault(g.Id!)?.Count ?? 0) > 1);
            if (splits is not null)
            {
                // A step either decides or goes on: a flow drawn from the task beside its gateway has no place in the procedure.
                foreach (var beside in outgoing.Where(f => f.Attribute("targetRef") != splits.Id))
                {
                    Refuse(beside.Id ?? splits.Id!, $"'{step.Name}' goes into the {GatewayWord(splits)} '{splits.Name ?? splits.Id}' and also straight to "
                        + $"'{NameOf(beside.Attribute("targetRef") ?? "")}'; a step that decides has no other way out. "
                        + "Draw the flow from the gateway as a new branch instead");
                }

                step.Decision = Decision(step, splits, previous);
                continue;
            }

            var targets = outgoing.Select(Follow).Distinct(StringComparer.Ordinal).ToList();
            if (targets.Count > 1)
            {
                // Several plain flows out of an activity split in parallel (BPMN 2.0 §13.2.1).
                step.Decision = new Decision { Kind = DecisionKind.Parallel, Branches = [.. targets.Select(t => new Branch { Goto = t })] };
                continue;
            }

            var next = targets.Count == 0 ? Step.End : targets[0];
            step.Next = next == following ? null : next;
        }
    }

    private Decision Decision(Step step, BpmnElement gateway, Decision? previous)
    {
        if (gateway.Kind is "inclusiveGateway" or "complexGateway" or "eventBasedGateway")
            _notes.Add($"{gateway.Kind} '{gateway.Name ?? gateway.Id}' becomes an exclusive decision");
        var decision = new Decision
        {
            Question = string.IsNullOrWhiteSpace(gateway.Name) ? null : gateway.Name.Trim(),
            Kind = gateway.Kind == "parallelGateway" ? DecisionKind.Parallel : DecisionKind.Exclusive,
        };
        foreach (var flow in _outgoing[gateway.Id!])
        {
            var when = flow.Name ?? flow.Children.Find(c => c.Kind == "conditionExpression")?.Text;
            decision.Branches.Add(new Branch { When = string.IsNullOrWhiteSpace(when) ? null : when.Trim(), Goto = Follow(flow) });
        }

        // The modeller writes a question and branch labels where the procedure has none; those placeholders do not come back as text.
        if (previous is not null)
        {
            if (previous.Question is null && (decision.Question == $"{step.Name}?" || decision.Question is null)) decision.Question = null;
            if (previous.Branches.Count == decision.Branches.Count)
            {
                for (var b = 0; b < decision.Branches.Count; b++)
                {
                    var (was, now) = (previous.Branches[b], decision.Branches[b]);
                    if (was.When is null && was.Goto == now.Goto && now.When == $"branch {b + 1}") now.When = null;
                }
            }
        }
        else if (decision.Kind == DecisionKind.Exclusive && decision.Question == $"{step.Name}?")
        {
            decision.Question = null;
        }

        return decision;
    }

    private static string GatewayWord(BpmnElement gateway) => gateway.Kind == "parallelGateway" ? "parallel split" : "decision";

    // A gateway with several ways in, right before the step, is the step's join: parallel joins wait for all paths.
    private void JoinOf(Step step, string node)
    {
        var incoming = _incoming.GetValueOrDefault(node) ?? [];
        if (incoming.Count != 1 || _nodes.GetValueOrDefault(incoming[0].Attribute("sourceRef") ?? "") is not { } source) return;
        if (BpmnKinds.IsGateway(source.Kind) && (_incoming.GetValueOrDefault(source.Id!)?.Count ?? 0) > 1)
            step.Join = source.Kind == "parallelGateway" ? JoinKind.All : JoinKind.Any;
    }

    // Where a flow leads: a step id, or "end", passing through joins, events and gateways with a single way out.
    private string Follow(BpmnElement flow)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = flow.Attribute("targetRef") ?? "";
        while (seen.Add(current))
        {
            if (_stepOf.TryGetValue(current, out var step)) return step.Id;
            if (!_nodes.TryGetValue(current, out var node) || node.Kind == "endEvent") return Step.End;
            var onward = _outgoing.GetValueOrDefault(current) ?? [];
            if (onward.Count == 0) return Step.End;
            if (onward.Count > 1)
            {
                Refuse(node.Id ?? current, $"{node.Kind} '{node.Name ?? node.Id}' splits a branch again; a procedure cannot hold that, so the branch "
                    + "would end there. Put a step between the two splits");
                return Step.End;
            }

            current = onward[0].Attribute("targetRef") ?? "";
        }

        return Step.End;
    }
}
