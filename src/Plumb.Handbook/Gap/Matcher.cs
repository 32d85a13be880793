namespace Plumb.Handbook.Gap;

/// <summary>
/// Pairs baseline elements with handbook elements: equal ids first, then equal names, then the most similar structure
/// above a threshold, so that renamed elements are recognised rather than reported as missing and added.
/// </summary>
internal static class Matcher
{
    public static Matching<T> Match<T>(
        IReadOnlyList<T> baseline, IReadOnlyList<T> handbook, Func<T, string> id, Func<T, string> name,
        Func<T, T, double>? similarity = null, double threshold = 0.5)
        where T : class
    {
        var pairs = new List<(T Baseline, T Handbook)>();
        var left = baseline.ToList();
        var right = handbook.ToList();

        Pair((a, b) => id(a) == id(b));
        Pair((a, b) => Normal(name(a)).Length > 0 && Normal(name(a)) == Normal(name(b)));
        if (similarity is not null)
        {
            var candidates = left.SelectMany(a => right.Select(b => (a, b, score: similarity(a, b))))
                .Where(c => c.score >= threshold)
                .OrderByDescending(c => c.score)
                .ToList();
            foreach (var (a, b, _) in candidates)
            {
                if (!left.Contains(a) || !right.Contains(b)) continue;
                pairs.Add((a, b));
                left.Remove(a);
                right.Remove(b);
            }
        }

        var order = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < baseline.Count; i++) order[baseline[i]] = i;
        pairs.Sort((p, q) => order[p.Baseline].CompareTo(order[q.Baseline]));
        return new Matching<T>(pairs, left, right);

        void Pair(Func<T, T, bool> equal)
        {
            foreach (var a in left.ToList())
            {
                var hits = right.Where(b => equal(a, b)).ToList();
                if (hits.Count != 1) continue;
                pairs.Add((a, hits[0]));
                left.Remove(a);
                right.Remove(hits[0]);
            }
        }
    }

    /// <summary>Jaccard similarity of two sets: shared over all.</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>A name with case, spaces and punctuation ignored.</summary>
    public static string Normal(string? name) =>
        new([.. (name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
