namespace Plumb.Mining.Discovery;

using Plumb.Mining.EventLogs;

/// <summary>One edge of the directly-follows graph: how often <c>From</c> is directly followed by <c>To</c>, and how long that takes.</summary>
public sealed record DfgEdge(string From, string To, int Count, double MeanHours, double MedianHours);

/// <summary>
/// The directly-follows graph of a log: activity frequencies, edges with counts and durations (mean, median), and how often
/// each activity starts or ends a case.
/// </summary>
public sealed record DirectlyFollowsGraph(
    IReadOnlyDictionary<string, int> Activities, IReadOnlyList<DfgEdge> Edges,
    IReadOnlyDictionary<string, int> StartActivities, IReadOnlyDictionary<string, int> EndActivities)
{
    /// <summary>Computes the graph from the columns (a pass to count, a few to bucket the durations), without an object per event.</summary>
    public static DirectlyFollowsGraph Discover(EventLog log)
    {
        var a = log.ActivityNames.Count;
        var counts = new int[a * a];
        var frequency = new int[a];
        var starts = new int[a];
        var ends = new int[a];
        var acts = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var from = log.Start(c);
            var to = log.End(c);
            if (from == to) continue;
            starts[acts[from]]++;
            ends[acts[to - 1]]++;
            for (var i = from + 1; i < to; i++) counts[(acts[i - 1] * a) + acts[i]]++;
        }

        foreach (var act in acts) frequency[act]++;

        // The durations bucketed by edge (a counting sort), a batch of edges at a time, so the median of each edge is a selection
        // in its own slice (about a quarter of all durations held at once, not 8 bytes an event; the whole rented buffer, which
        // the pool rounds up, takes fewer passes). Rented: on one thread the group flow's handovers reuse it.
        var batches = new BucketBatches(counts);
        var buffer = System.Buffers.ArrayPool<long>.Shared.Rent(batches.Room);
        var durations = buffer.AsSpan();
        var edges = new List<DfgEdge>();
        var times = log.Timestamps;
        foreach (var (first, end, offsets) in batches.All(buffer.Length))
        {
            var fill = (int[])offsets.Clone();
            for (var c = 0; c < log.CaseCount; c++)
            {
                for (var i = log.Start(c) + 1; i < log.End(c); i++)
                {
                    ref var slot = ref fill[(acts[i - 1] * a) + acts[i]];
                    if (slot >= 0) durations[slot++] = times[i] - times[i - 1];
                }
            }

            for (var e = first; e < end; e++)
            {
                if (counts[e] == 0) continue;
                // The sum exact, so the mean does not depend on the order of the slice (a selection leaves it unsorted).
                var slice = durations.Slice(offsets[e], counts[e]);
                var sum = Statistics.Sum(slice);
                edges.Add(new DfgEdge(log.ActivityNames[e / a], log.ActivityNames[e % a], counts[e],
                    (double)sum / counts[e] / TimeSpan.TicksPerHour, Statistics.MedianUnsorted(slice) / TimeSpan.TicksPerHour));
            }
        }

        System.Buffers.ArrayPool<long>.Shared.Return(buffer);
        edges.Sort((x, y) => y.Count != x.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.From + "\0" + x.To, y.From + "\0" + y.To));
        return new DirectlyFollowsGraph(ToMap(log, frequency), edges, ToMap(log, starts), ToMap(log, ends));
    }

    private static Dictionary<string, int> ToMap(EventLog log, int[] counts)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) map[log.ActivityNames[i]] = counts[i];
        }

        return map;
    }
}
