namespace Plumb.Mining.Conformance;

using Plumb.Handbook.Model;

/// <summary>
/// Converts a documented procedure to a workflow net with the BPMN meaning of its parts: each step is a transition labelled
/// with the step id; a step's input place merges every path into it (exclusive merge), or, for <c>join: all</c>, it gets one
/// place per incoming path (parallel join); a plain <c>next</c> arc puts the token straight into the next step's input; an
/// exclusive decision is a choice place with one silent transition per branch; a parallel decision is a silent AND-split that
/// marks every branch. The first step consumes from the source place; <c>end</c> (or the end of the list) leads to the sink.
/// </summary>
public static class ProcedureNet
{
    /// <summary>The net of a procedure.</summary>
    public static PetriNet Build(Procedure procedure)
    {
        var net = new PetriNet();
        var steps = procedure.Steps;
        var source = net.AddPlace("source");
        var sink = net.AddPlace("sink");
        net.InitialMarking[source] = 1;
        net.FinalMarking[sink] = 1;
        if (steps.Count == 0) return net;

        var index = steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var successors = steps.Select((s, i) => Successors(s, i, steps, index)).ToArray();
        var incoming = new int[steps.Count];
        foreach (var list in successors)
        {
            foreach (var target in list.Targets.Where(t => t >= 0)) incoming[target]++;
        }

        incoming[0]++;

        // Input places: one shared place (merge), or one per incoming path for a parallel join.
        var inputs = new List<int>[steps.Count];
        var nextFree = new int[steps.Count];
        var transitions = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var parallelJoin = steps[i].Join == JoinKind.All && incoming[i] > 1;
            inputs[i] = parallelJoin
                ? Enumerable.Range(0, incoming[i]).Select(k => i == 0 && k == 0 ? source : net.AddPlace($"{steps[i].Id}.in{k}")).ToList()
                : [i == 0 ? source : net.AddPlace($"{steps[i].Id}.in")];
            transitions[i] = net.AddTransition(steps[i].Id, steps[i].Id);
            foreach (var place in inputs[i]) net.AddInput(place, transitions[i]);
        }

        // The source is the first step's first input path.
        if (inputs[0].Count > 1) nextFree[0] = 1;
        int InputFor(int target)
        {
            if (target < 0) return sink;
            var list = inputs[target];
            return list.Count == 1 ? list[0] : list[Math.Min(nextFree[target]++, list.Count - 1)];
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, targets) = successors[i];
            var t = transitions[i];
            if (kind == FlowKind.Sequence)
            {
                net.AddOutput(t, InputFor(targets[0]));
                continue;
            }

            var after = net.AddPlace($"{steps[i].Id}.out");
            net.AddOutput(t, after);
            if (kind == FlowKind.Parallel)
            {
                var split = net.AddTransition($"{steps[i].Id}.and-split", null);
                net.AddInput(after, split);
                foreach (var target in targets) net.AddOutput(split, InputFor(target));
            }
            else
            {
                for (var b = 0; b < targets.Count; b++)
                {
                    var branch = net.AddTransition($"{steps[i].Id}.branch{b}", null);
                    net.AddInput(after, branch);
                    net.AddOutput(branch, InputFor(targets[b]));
                }
            }
        }

        return net;
    }

    private enum FlowKind
    {
        Sequence,
        Exclusive,
        Parallel,
    }

    private static (FlowKind Kind, List<int> Targets) Successors(Step step, int i, List<Step> steps, Dictionary<string, int> index)
    {
        int Resolve(string? id) => id is null
            ? (i + 1 < steps.Count ? i + 1 : -1)
            : id == Step.End ? -1 : index.TryGetValue(LastSegment(id), out var j) ? j : -1;

        if (step.Decision is { Branches.Count: > 0 } decision)
        {
            var targets = decision.Branches.Select(b => Resolve(b.Goto)).ToList();
            return (decision.Kind == DecisionKind.Parallel ? FlowKind.Parallel : FlowKind.Exclusive, targets);
        }

        return (FlowKind.Sequence, [Resolve(step.Next)]);
    }

    // A reference may be written as process/procedure/step; within a procedure only the step id matters.
    private static string LastSegment(string id) => id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : id;
}
