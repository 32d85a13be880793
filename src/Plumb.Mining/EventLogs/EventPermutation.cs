namespace Plumb.Mining.EventLogs;

using System.Collections;

/// <summary>Moves every event column into case order in place, following the cycles of the permutation (no second copy of the log).</summary>
internal static class EventPermutation
{
    /// <summary>Moves the event at i to destination[i] in every column given.</summary>
    public static void Apply(int[] destination, int[] activities, long[] times, int[]? resources, int[]? groups, int[]? states, int[]? priorities)
    {
        var done = new BitArray(destination.Length);
        for (var start = 0; start < destination.Length; start++)
        {
            if (done[start] || destination[start] == start) continue;

            // Carry the event at start along its cycle, swapping it with each event whose place it takes.
            var (a, t) = (activities[start], times[start]);
            int r = resources?[start] ?? 0, g = groups?[start] ?? 0, s = states?[start] ?? 0, p = priorities?[start] ?? 0;
            var at = destination[start];
            while (true)
            {
                (a, activities[at]) = (activities[at], a);
                (t, times[at]) = (times[at], t);
                if (resources is not null) (r, resources[at]) = (resources[at], r);
                if (groups is not null) (g, groups[at]) = (groups[at], g);
                if (states is not null) (s, states[at]) = (states[at], s);
                if (priorities is not null) (p, priorities[at]) = (priorities[at], p);
                done[at] = true;
                if (at == start) break;
                at = destination[at];
            }
        }
    }
}
