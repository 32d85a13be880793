namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Model;

/// <summary>
/// The sequence flow of one procedure as a graph over step indexes. A step goes to its decision's branches, else to
/// <c>next</c>, else to the step after it (the last step ends the procedure). A target that names no step, or the step
/// itself, is counted as reaching the end: other rules report those, and one mistake should be reported once.
/// </summary>
public sealed class ProcedureFlow
{
    /// <summary>The index that stands for the procedure's end.</summary>
    public const int End = -1;

    private ProcedureFlow(List<int>[] successors, bool unknownTargets)
    {
        Successors = successors;
        HasUnknownTargets = unknownTargets;
    }

    /// <summary>True when some next or goto names no step: then what is reachable is not known until it is fixed.</summary>
    public bool HasUnknownTargets { get; }

    /// <summary>The indexes each step can go to; <see cref="End"/> for the end.</summary>
    public IReadOnlyList<List<int>> Successors { get; }

    /// <summary>The flow of <paramref name="procedure"/>'s steps.</summary>
    public static ProcedureFlow Of(Procedure procedure)
    {
        var steps = procedure.Steps;
        var successors = new List<int>[steps.Count];
        var unknown = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var targets = procedure.Successors(i).ToList();
            unknown |= targets.Any(t => t != Step.End && steps.FindIndex(s => s.Id == t) < 0);
            successors[i] = [.. targets.Select(target => Index(steps, i, target)).Distinct()];
        }

        return new ProcedureFlow(successors, unknown);
    }

    /// <summary>Which steps can be reached from the first step.</summary>
    public bool[] ReachableFrom(int start)
    {
        var seen = new bool[Successors.Count];
        if (Successors.Count == 0) return seen;
        var stack = new Stack<int>([start]);
        seen[start] = true;
        while (stack.TryPop(out var at))
        {
            foreach (var next in Successors[at])
            {
                if (next == End || seen[next]) continue;
                seen[next] = true;
                stack.Push(next);
            }
        }

        return seen;
    }

    /// <summary>Which steps have a path to the end.</summary>
    public bool[] ReachEnd()
    {
        var predecessors = new List<int>[Successors.Count];
        var stack = new Stack<int>();
        var reaches = new bool[Successors.Count];
        for (var i = 0; i < Successors.Count; i++) predecessors[i] = [];
        for (var i = 0; i < Successors.Count; i++)
        {
            foreach (var next in Successors[i])
            {
                if (next != End) predecessors[next].Add(i);
                else if (!reaches[i])
                {
                    reaches[i] = true;
                    stack.Push(i);
                }
            }
        }

        while (stack.TryPop(out var at))
        {
            foreach (var before in predecessors[at])
            {
                if (reaches[before]) continue;
                reaches[before] = true;
                stack.Push(before);
            }
        }

        return reaches;
    }

    private static int Index(List<Step> steps, int from, string target)
    {
        if (target == Step.End) return End;
        var index = steps.FindIndex(s => s.Id == target);
        return index < 0 || index == from ? End : index;
    }
}
