namespace Plumb.Handbook.Merge;

/// <summary>
/// A three-way merge of text, line by line (diff3): the lines each side changed since the common base are combined
/// when they do not touch the same stretch of the base. Used to carry a change into a file whose other lines (comments,
/// layout, someone else's edit) must stay as they are.
/// </summary>
public static class LineMerge
{
    // The matching is quadratic in the lines that differ; beyond this many cells the caller merges by model instead.
    private const long MaxCells = 4_000_000;

    /// <summary>
    /// The merged text, or null when both sides changed the same stretch differently (or the texts are too large to
    /// match line by line).
    /// </summary>
    public static string? Merge(string baseline, string mine, string theirs)
    {
        if (mine == baseline || mine == theirs) return theirs;
        if (theirs == baseline) return mine;
        var a = Lines(baseline);
        var b = Lines(mine);
        var c = Lines(theirs);
        var toMine = Match(a, b);
        var toTheirs = Match(a, c);
        if (toMine is null || toTheirs is null) return null;

        var output = new List<string>();
        int i = 0, j = 0, k = 0;
        while (true)
        {
            // The next base line both sides kept ends the current stretch.
            var s = i;
            while (s < a.Length && (toMine[s] < 0 || toTheirs[s] < 0)) s++;
            var mineEnd = s < a.Length ? toMine[s] : b.Length;
            var theirsEnd = s < a.Length ? toTheirs[s] : c.Length;
            var baseChunk = a[i..s];
            var mineChunk = b[j..mineEnd];
            var theirsChunk = c[k..theirsEnd];
            if (mineChunk.SequenceEqual(baseChunk, StringComparer.Ordinal)) output.AddRange(theirsChunk);
            else if (theirsChunk.SequenceEqual(baseChunk, StringComparer.Ordinal) || mineChunk.SequenceEqual(theirsChunk, StringComparer.Ordinal))
                output.AddRange(mineChunk);
            else return null;
            if (s == a.Length) break;
            output.Add(a[s]);
            (i, j, k) = (s + 1, toMine[s] + 1, toTheirs[s] + 1);
        }

        return string.Join('\n', output);
    }

    private static string[] Lines(string text) => text.Split('\n');

    // For each line of a, the line of b it is matched with in a longest common subsequence, or -1.
    private static int[]? Match(string[] a, string[] b)
    {
        var map = new int[a.Length];
        Array.Fill(map, -1);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) map[prefix] = prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            map[a.Length - 1 - suffix] = b.Length - 1 - suffix;
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxCells) return null;
        var lengths = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                lengths[x, y] = a[prefix + x] == b[prefix + y] ? lengths[x + 1, y + 1] + 1 : Math.Max(lengths[x + 1, y], lengths[x, y + 1]);
            }
        }

        int p = 0, q = 0;
        while (p < n && q < m)
        {
            if (a[prefix + p] == b[prefix + q])
            {
                map[prefix + p] = prefix + q;
                p++;
                q++;
            }
            else if (lengths[p + 1, q] >= lengths[p, q + 1]) p++;
            else q++;
        }

        return map;
    }
}
