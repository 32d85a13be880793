namespace Plumb.Mining.Conformance;

public sealed partial class TokenReplayer
{
    private sealed class MarkingComparer : IEqualityComparer<int[]>
    {
        public static readonly MarkingComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] marking)
        {
            var hash = new HashCode();
            foreach (var n in marking) hash.Add(n);
            return hash.ToHashCode();
        }
    }

    /// <summary>The shortest silent sequence after which one of the candidates is enabled; null when none within the limit.</summary>
    private (List<int> Path, int Target)? SearchEnabling(int[] start, int[] candidates)
    {
        var parents = NewParents(start);
        foreach (var next in SilentReachable(start, parents))
        {
            foreach (var t in candidates)
            {
                if (Enabled(next, t)) return (PathTo(parents, next), t);
            }
        }

        return null;
    }

    /// <summary>The shortest silent sequence reaching the final marking exactly, else the one leaving the fewest tokens and missing none.</summary>
    private List<int> SearchFinal(int[] start)
    {
        var parents = NewParents(start);
        var best = start;
        var bestScore = Score(start);
        foreach (var next in SilentReachable(start, parents))
        {
            var score = Score(next);
            if (score.CompareTo(bestScore) >= 0) continue;
            best = next;
            bestScore = score;
            if (score == (0, 0)) break;
        }

        return PathTo(parents, best);
    }

    private static Dictionary<int[], (int[]? From, int Via)> NewParents(int[] start) =>
        new(MarkingComparer.Instance) { [start] = (null, -1) };

    // Breadth first over the markings silent transitions reach from start, each once and nearest first, recording in
    // parents how it was reached; both searches stop early by leaving the loop.
    private IEnumerable<int[]> SilentReachable(int[] start, Dictionary<int[], (int[]? From, int Via)> parents)
    {
        var queue = new Queue<int[]>();
        queue.Enqueue(start);
        while (queue.Count > 0 && parents.Count < SilentSearchLimit)
        {
            var marking = queue.Dequeue();
            foreach (var s in _silent)
            {
                if (!Enabled(marking, s)) continue;
                var next = (int[])marking.Clone();
                int p = 0, c = 0;
                Fire(next, s, ref p, ref c);
                if (!parents.TryAdd(next, (marking, s))) continue;
                yield return next;
                queue.Enqueue(next);
            }
        }
    }

    private (int Missing, int Remaining) Score(int[] marking)
    {
        int missing = 0, remaining = 0;
        for (var p = 0; p < marking.Length; p++)
        {
            if (marking[p] < _final[p]) missing += _final[p] - marking[p];
            else remaining += marking[p] - _final[p];
        }

        return (missing, remaining);
    }

    private static List<int> PathTo(Dictionary<int[], (int[]? From, int Via)> parents, int[] end)
    {
        var path = new List<int>();
        var at = end;
        while (parents[at] is { From: { } from, Via: var via })
        {
            path.Add(via);
            at = from;
        }

        path.Reverse();
        return path;
    }

    private int[][] BuildProducers()
    {
        var result = new int[_net.Places.Count][];
        for (var p = 0; p < result.Length; p++)
        {
            var found = new SortedSet<int>();
            var seen = new HashSet<int> { p };
            var stack = new Stack<int>([p]);
            while (stack.Count > 0)
            {
                var place = stack.Pop();
                foreach (var t in _transitions)
                {
                    if (!t.Outputs.Contains(place)) continue;
                    if (t.Label is { } label) found.Add(_labels[label]);
                    else
                    {
                        foreach (var input in t.Inputs)
                        {
                            if (seen.Add(input)) stack.Push(input);
                        }
                    }
                }
            }

            result[p] = [.. found];
        }

        return result;
    }

    /// <summary>
    /// The visible labels on the shortest path from a place with a left-over token to the final marking: the steps the case
    /// should still have done (first transition in net order at each choice, so the answer is deterministic).
    /// </summary>
    private int[] PathToEnd(int place)
    {
        if (_pathToEnd.TryGetValue(place, out var cached)) return cached;
        var parent = new Dictionary<int, (int Place, int Transition)> { [place] = (-1, -1) };
        var queue = new Queue<int>([place]);
        var reached = -1;
        while (queue.Count > 0 && reached < 0)
        {
            var p = queue.Dequeue();
            if (_final[p] > 0 && p != place)
            {
                reached = p;
                break;
            }

            for (var t = 0; t < _transitions.Length; t++)
            {
                if (!_transitions[t].Inputs.Contains(p)) continue;
                foreach (var q in _transitions[t].Outputs)
                {
                    if (parent.TryAdd(q, (p, t))) queue.Enqueue(q);
                }
            }
        }

        var labels = new List<int>();
        for (var at = reached; at >= 0 && parent[at].Transition >= 0; at = parent[at].Place)
        {
            if (_transitions[parent[at].Transition].Label is { } label) labels.Add(_labels[label]);
        }

        labels.Reverse();
        return _pathToEnd[place] = [.. labels];
    }
}
