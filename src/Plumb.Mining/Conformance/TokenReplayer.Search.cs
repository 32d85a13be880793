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
            if (score.Missing > bestScore.Missing || (score.Missing == bestScore.Missing && score.Remaining >= bestScore.Remaining)) continue;
            best = next;
            bestScore = score;
            if (score is (0, 0)) break;
        }

        return PathTo(parents, best);
    }

    // How a marking was reached: the marking before and the silent transition fired (null and -1 for the start).
    private readonly record struct Parent(int[]? From, int Via);

    private static Dictionary<int[], Parent> NewParents(int[] start) =>
        new(MarkingComparer.Instance) { [start] = new Parent(null, -1) };

    // Breadth first over the markings silent transitions reach from start, each once and nearest first, recording in
    // parents how it was reached; both searches stop early by leaving the loop.
    private IEnumerable<int[]> SilentReachable(int[] start, Dictionary<int[], Parent> parents)
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
                if (!parents.TryAdd(next, new Parent(marking, s))) continue;
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

    private static List<int> PathTo(Dictionary<int[], Parent> parents, int[] end)
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
            // Back from the place through silent transitions; the labels found, in code order.
            var found = new bool[_labels.Count];
            var seen = new bool[_net.Places.Count];
            seen[p] = true;
            var stack = new List<int> { p };
            while (stack.Count > 0)
            {
                var place = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                foreach (var t in _transitions)
                {
                    if (!t.Outputs.Contains(place)) continue;
                    if (t.Label is { } label) found[_labels[label]] = true;
                    else
                    {
                        foreach (var input in t.Inputs)
                        {
                            if (seen[input]) continue;
                            seen[input] = true;
                            stack.Add(input);
                        }
                    }
                }
            }

            var labels = new List<int>();
            for (var l = 0; l < found.Length; l++)
            {
                if (found[l]) labels.Add(l);
            }

            result[p] = [.. labels];
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

        // Breadth first over places; per place reached, the place and transition it was reached from (-2: not reached).
        var fromPlace = new int[_net.Places.Count];
        var fromTransition = new int[_net.Places.Count];
        Array.Fill(fromPlace, -2);
        (fromPlace[place], fromTransition[place]) = (-1, -1);
        var queue = new List<int> { place };
        var reached = -1;
        for (var head = 0; head < queue.Count && reached < 0; head++)
        {
            var p = queue[head];
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
                    if (fromPlace[q] != -2) continue;
                    (fromPlace[q], fromTransition[q]) = (p, t);
                    queue.Add(q);
                }
            }
        }

        var labels = new List<int>();
        for (var at = reached; at >= 0 && fromTransition[at] >= 0; at = fromPlace[at])
        {
            if (_transitions[fromTransition[at]].Label is { } label) labels.Add(_labels[label]);
        }

        labels.Reverse();
        return _pathToEnd[place] = [.. labels];
    }
}
