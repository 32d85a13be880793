namespace Plumb.Mining.Conformance;

using Plumb.Handbook.Model;

/// <summary>
/// Converts a documented procedure to a workflow net with the BPMN meaning of its parts: each step is a transition labelled
/// with the step id; a step's input place merges every path into it (exclusive merge), and for <c>join: all</c> a silent
/// AND-join first waits for every path coming out of parallel branches (one place each); a plain <c>next</c> arc puts the token straight into the next step's input; an
/// exclusive decision is a choice place with one silent transition per branch; a parallel decision is a silent AND-split that
/// marks every branch. The first step consumes from the source place; <c>end</c> (or the end of the list) leads to the sink.
/// </summary>
public static class ProcedureNet
{
    /// <summary>The net of a procedure; the steps named in <paramref name="unseen"/> are silent like unobservable ones.</summary>
    public static PetriNet Build(Procedure procedure, IReadOnlySet<string>? unseen = null)
    {
        var net = new PetriNet();
        var steps = procedure.Steps;
        var source = net.AddPlace("source");
        var sink = net.AddPlace("sink");
        net.InitialMarking[source] = 1;
        net.FinalMarking[sink] = 1;
        if (steps.Count == 0) return net;

        var index = steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var successors = steps.Select((_, i) => Successors(procedure, i, index)).ToArray();
        var parallel = ParallelBranchSteps(steps, successors);

        // A parallel join waits for the paths that come out of parallel branches; any other path into the step merges with it.
        var joinPaths = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var target in successors[i].Targets.Where(t => t >= 0 && steps[t].Join == JoinKind.All))
            {
                if (parallel[i] || successors[i].Kind == FlowKind.Parallel) joinPaths[target]++;
            }
        }

        var merge = new int[steps.Count];
        var joinPlaces = new List<int>[steps.Count];
        var nextFree = new int[steps.Count];
        var transitions = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            merge[i] = i == 0 ? source : net.AddPlace($"{steps[i].Id}.in");
            // A step the tool cannot show is silent: the replay may pass it without an event.
            transitions[i] = net.AddTransition(steps[i].Id, steps[i].Tool is { Observable: false } || unseen?.Contains(steps[i].Id) == true ? null : steps[i].Id);
            net.AddInput(merge[i], transitions[i]);
            joinPlaces[i] = [];
            if (joinPaths[i] < 2) continue;
            var join = net.AddTransition($"{steps[i].Id}.and-join", null);
            for (var k = 0; k < joinPaths[i]; k++)
            {
                var place = net.AddPlace($"{steps[i].Id}.join{k}");
                joinPlaces[i].Add(place);
                net.AddInput(place, join);
            }

            net.AddOutput(join, merge[i]);
        }

        int InputFor(int from, int target)
        {
            if (target < 0) return sink;
            var places = joinPlaces[target];
            var fromBranch = parallel[from] || successors[from].Kind == FlowKind.Parallel;
            return places.Count > 0 && fromBranch ? places[Math.Min(nextFree[target]++, places.Count - 1)] : merge[target];
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, targets) = successors[i];
            var t = transitions[i];
            if (kind == FlowKind.Sequence)
            {
                net.AddOutput(t, InputFor(i, targets[0]));
                continue;
            }

            var after = net.AddPlace($"{steps[i].Id}.out");
            net.AddOutput(t, after);
            if (kind == FlowKind.Parallel)
            {
                var split = net.AddTransition($"{steps[i].Id}.and-split", null);
                net.AddInput(after, split);
                foreach (var target in targets) net.AddOutput(split, InputFor(i, target));
            }
            else
            {
                for (var b = 0; b < targets.Count; b++)
                {
                    var branch = net.AddTransition($"{steps[i].Id}.branch{b}", null);
                    net.AddInput(after, branch);
                    net.AddOutput(branch, InputFor(i, targets[b]));
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

    /// <summary>Steps inside the branches of a parallel decision: reachable from a branch target before any parallel join.</summary>
    private static bool[] ParallelBranchSteps(List<Step> steps, (FlowKind Kind, List<int> Targets)[] successors)
    {
        var inside = new bool[steps.Count];
        var stack = new Stack<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (successors[i].Kind != FlowKind.Parallel) continue;
            foreach (var t in successors[i].Targets.Where(t => t >= 0)) stack.Push(t);
        }

        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (inside[s] || steps[s].Join == JoinKind.All) continue;
            inside[s] = true;
            foreach (var t in successors[s].Targets.Where(t => t >= 0)) stack.Push(t);
        }

        return inside;
    }

    // Where each step goes is the domain's rule (Procedure.Successors); the net only adds how the branches split.
    private static (FlowKind Kind, List<int> Targets) Successors(Procedure procedure, int i, Dictionary<string, int> index)
    {
        var targets = procedure.Successors(i)
            .Select(id => id == Step.End ? -1 : index.TryGetValue(LastSegment(id), out var j) ? j : -1).ToList();
        var kind = procedure.Steps[i].Decision switch
        {
            { Branches.Count: > 0, Kind: DecisionKind.Parallel } => FlowKind.Parallel,
            { Branches.Count: > 0 } => FlowKind.Exclusive,
            _ => FlowKind.Sequence,
        };
        return (kind, targets);
    }

    // A reference may be written as process/procedure/step; within a procedure only the step id matters.
    private static string LastSegment(string id) => id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : id;
}
