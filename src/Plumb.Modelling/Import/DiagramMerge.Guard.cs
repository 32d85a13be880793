namespace Plumb.Modelling.Import;

using StepFlow = Plumb.Handbook.Lint.ProcedureFlow;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

// A save changes exactly what the user drew (https://plumb.dev/issues/20): whatever the merge would lose that the user did not
// delete refuses the save, naming the element to mark, instead of becoming a note after the fact.
internal sealed partial class DiagramMerge
{
    private readonly List<DiagramRefusal> _refusals = [];

    private void Refuse(string element, string reason)
    {
        if (!_refusals.Exists(r => r.Element == element && r.Reason == reason)) _refusals.Add(new DiagramRefusal(element, reason));
    }

    private void Guard(Procedure result)
    {
        var kept = result.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);

        // A decision whose gateway is still drawn, still splitting, stays a decision.
        foreach (var step in original.Steps.Where(s => s.Decision is { Branches.Count: > 0 }))
        {
            var gateway = BpmnIds.Decision(original.Id, step.Id);
            if (!kept.TryGetValue(step.Id, out var now) || now.Decision is not null) continue;
            if ((_outgoing.GetValueOrDefault(gateway)?.Count ?? 0) < 2 || _refusals.Exists(r => r.Element == gateway)) continue;
            Refuse(gateway, $"'{now.Name}' would lose its decision{Question(step.Decision!)}: the gateway is no longer the only way out of the step. "
                + "Draw new flows from the gateway, or delete the gateway to drop the decision");
        }

        // A step that could be reached before and is still drawn can still be reached.
        var before = StepFlow.Of(original).ReachableFrom(0);
        var wasReached = original.Steps.Where((_, i) => before.Length > i && before[i]).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var after = StepFlow.Of(result).ReachableFrom(0);
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            if (after[i] || !wasReached.Contains(step.Id)) continue;
            Refuse(BpmnIds.Step(original.Id, step.Id), $"'{step.Name}' would become unreachable: no path from the start leads to it any more. "
                + "Connect it, or delete the task if the step is meant to go");
        }
    }

    private static string Question(Decision decision) => decision.Question is { Length: > 0 } question ? $" '{question}'" : "";

    private string NameOf(string node) =>
        _stepOf.TryGetValue(node, out var step) ? step.Name : _nodes.GetValueOrDefault(node)?.Name ?? node;
}
