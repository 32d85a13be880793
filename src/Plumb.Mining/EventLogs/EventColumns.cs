namespace Plumb.Mining.EventLogs;

/// <summary>The per-event arrays while a log is built: sorting a case and finding duplicates move every column together.</summary>
internal sealed record EventColumns(int[] Activities, long[] Times, int[]? Resources, int[]? Groups, int[]? States, int[]? Priorities)
{
    /// <summary>The codes of the fields kept per event (<see cref="EventAttribute"/>), moved with the other columns.</summary>
    public int[][] Extra { get; init; } = [];

    /// <summary>Sorts events [from, to) by time, keeping the order of equal times; true when they were out of order.</summary>
    public bool SortCase(int from, int to)
    {
        var sorted = true;
        for (var i = from + 1; i < to && sorted; i++) sorted = Times[i - 1] <= Times[i];
        if (sorted) return false;

        var keys = ByTime(Times, from, to - from);
        Permute(Activities, from, keys);
        Permute(Times, from, keys);
        if (Resources is not null) Permute(Resources, from, keys);
        if (Groups is not null) Permute(Groups, from, keys);
        if (States is not null) Permute(States, from, keys);
        if (Priorities is not null) Permute(Priorities, from, keys);
        foreach (var extra in Extra) Permute(extra, from, keys);
        return true;
    }

    /// <summary>
    /// Sorts each case's events by time (<see cref="SortCase"/>), then counts (and marks) its duplicates
    /// (<see cref="CountDuplicates"/>): the cases in two halves on two cores when the log is large, as no case's events reach
    /// into another's. The cases out of time order and the duplicates.
    /// </summary>
    public (int Unsorted, int Duplicates) SortAndCount(int[] offsets, bool mark)
    {
        var cases = offsets.Length - 1;
        if (Activities.Length < ParallelEvents || Environment.ProcessorCount < 2 || cases < 2) return SortAndCount(offsets, 0, cases, mark);
        var half = cases / 2;
        var later = Task.Run(() => SortAndCount(offsets, half, cases, mark));
        var (unsorted, duplicates) = SortAndCount(offsets, 0, half, mark);
        var (moreUnsorted, moreDuplicates) = later.GetAwaiter().GetResult();
        return (unsorted + moreUnsorted, duplicates + moreDuplicates);
    }

    // Below this many events one core sorts and counts before a second could start.
    private const int ParallelEvents = 1 << 17;

    private (int Unsorted, int Duplicates) SortAndCount(int[] offsets, int from, int to, bool mark)
    {
        var unsorted = 0;
        for (var c = from; c < to; c++)
        {
            if (SortCase(offsets[c], offsets[c + 1])) unsorted++;
        }

        return (unsorted, CountDuplicates(offsets, from, to, mark));
    }

    // Counts the events of cases [from, to) equal to the one before them in the same case; marks them (activity -1) when they
    // are to be dropped.
    private int CountDuplicates(int[] offsets, int from, int to, bool mark)
    {
        var count = 0;
        for (var c = from; c < to; c++)
        {
            for (var i = offsets[c] + 1; i < offsets[c + 1]; i++)
            {
                if (SameAsPrevious(i))
                {
                    count++;
                    if (mark) Activities[i - 1] = -1;
                }
            }
        }

        return count;
    }

    /// <summary>Removes marked events and rewrites the case offsets.</summary>
    public EventColumns Compact(int[] offsets)
    {
        var keep = 0;
        foreach (var a in Activities) if (a >= 0) keep++;
        var result = new EventColumns(new int[keep], new long[keep], Resources is null ? null : new int[keep], Groups is null ? null : new int[keep],
            States is null ? null : new int[keep], Priorities is null ? null : new int[keep])
        {
            Extra = Extra.Select(_ => new int[keep]).ToArray(),
        };
        var at = 0;
        for (var c = 0; c + 1 < offsets.Length; c++)
        {
            var start = at;
            for (var i = offsets[c]; i < offsets[c + 1]; i++)
            {
                if (Activities[i] < 0) continue;
                result.Activities[at] = Activities[i];
                result.Times[at] = Times[i];
                if (Resources is not null) result.Resources![at] = Resources[i];
                if (Groups is not null) result.Groups![at] = Groups[i];
                if (States is not null) result.States![at] = States[i];
                if (Priorities is not null) result.Priorities![at] = Priorities[i];
                for (var x = 0; x < Extra.Length; x++) result.Extra[x][at] = Extra[x][i];
                at++;
            }

            offsets[c] = start;
        }

        offsets[^1] = at;
        return result;
    }

    private bool SameAsPrevious(int i) =>
        Activities[i] == Activities[i - 1] && Times[i] == Times[i - 1]
        && (Resources is null || Resources[i] == Resources[i - 1])
        && (Groups is null || Groups[i] == Groups[i - 1])
        && (States is null || States[i] == States[i - 1]);

    // The positions of a case's events by time. Stable: the original position breaks ties, so events at the same instant keep
    // file order. Sorted by a comparison (CoreLib's sort of (time, position) tuples has no precompiled code), in a method of its
    // own: the comparison's captured values would otherwise be allocated for every case, sorted or not.
    private static int[] ByTime(long[] times, int from, int length)
    {
        var keys = new int[length];
        for (var i = 0; i < length; i++) keys[i] = i;
        Array.Sort(keys, (x, y) => times[from + x] != times[from + y] ? times[from + x].CompareTo(times[from + y]) : x.CompareTo(y));
        return keys;
    }

    private static void Permute<T>(T[] column, int from, int[] positions)
    {
        var copy = new T[positions.Length];
        Array.Copy(column, from, copy, 0, copy.Length);
        for (var i = 0; i < positions.Length; i++) column[from + i] = copy[positions[i]];
    }
}
