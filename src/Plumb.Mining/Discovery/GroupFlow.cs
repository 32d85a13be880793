namespace Plumb.Mining.Discovery;

using Plumb.Mining.EventLogs;

/// <summary>How often work passes from one assignment group to another.</summary>
public sealed record Handover(string From, string To, int Count, double MedianHours);

/// <summary>An activity done more than once in the same case: how many cases repeat it, and how many repeats in total.</summary>
public sealed record Rework(string Activity, int Cases, int Repeats);

/// <summary>A pair of groups a ticket bounced between (A → B → A), with the number of cases where it happened.</summary>
public sealed record PingPong(string GroupA, string GroupB, int Cases);

/// <summary>Rework, handovers between groups and ping-pong (the same ticket bouncing between groups) found in a log.</summary>
public sealed record GroupFlow(IReadOnlyList<Rework> Rework, int CasesWithRework, IReadOnlyList<Handover> Handovers,
    IReadOnlyList<PingPong> PingPong, int CasesWithPingPong)
{
    /// <summary>Analyses a log; groups come from the events' assignment groups (none when the log has no groups).</summary>
    public static GroupFlow Discover(EventLog log)
    {
        var (rework, casesWithRework) = ReworkOf(log);
        var (handovers, pingPong, casesWithPingPong) = HandoversOf(log);
        return new GroupFlow(rework, casesWithRework, handovers, pingPong, casesWithPingPong);
    }

    /// <summary>The activities repeated within a case, most cases first, and the number of cases with any.</summary>
    public static (IReadOnlyList<Rework> Rework, int CasesWithRework) ReworkOf(EventLog log)
    {
        var a = log.ActivityNames.Count;
        var reworkCases = new int[a];
        var repeats = new int[a];
        var seen = new int[a];
        Array.Fill(seen, -1);
        var seenTwice = new int[a];
        Array.Fill(seenTwice, -1);
        var casesWithRework = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var any = false;
            for (var i = log.Start(c); i < log.End(c); i++)
            {
                var act = log.Activities[i];
                if (seen[act] != c)
                {
                    seen[act] = c;
                    continue;
                }

                repeats[act]++;
                any = true;
                if (seenTwice[act] != c)
                {
                    seenTwice[act] = c;
                    reworkCases[act]++;
                }
            }

            if (any) casesWithRework++;
        }

        var rework = new List<Rework>();
        for (var i = 0; i < a; i++)
        {
            if (repeats[i] > 0) rework.Add(new Rework(log.ActivityNames[i], reworkCases[i], repeats[i]));
        }

        // Most cases first, then by activity (each once, so no two compare equal).
        rework.Sort(static (x, y) => x.Cases != y.Cases ? y.Cases.CompareTo(x.Cases) : string.CompareOrdinal(x.Activity, y.Activity));
        return (rework, casesWithRework);
    }

    /// <summary>
    /// The handovers between groups and the ping-pong, the longer half of <see cref="Discover"/>: a caller with other work
    /// runs this on another core and <see cref="ReworkOf"/> beside its own.
    /// </summary>
    public static (IReadOnlyList<Handover> Handovers, IReadOnlyList<PingPong> PingPong, int CasesWithPingPong) HandoversOf(EventLog log)
    {
        if (log.Groups is not { } groups) return ([], [], 0);

        // A pass over the cases counts the handovers of each pair of groups (and the ping-pong), then a pass per batch of pairs
        // puts their durations in one buffer, bucketed by pair as a counting sort, so each pair's median is a selection in its
        // own slice. A list per pair grew by doubling: three times the durations in garbage (20 bytes an event on 1M events).
        var pairs = new PairCodes(log.GroupNames.Count);
        var bounces = new PairCodes(log.GroupNames.Count);
        var (pairCounts, pingPongCases, casesWithPingPong) = CountPairs(log, groups, pairs, bounces);

        // The durations of a batch of pairs at a time (BucketBatches), in a buffer of the pool: on one thread the one the DFG
        // rented, whose whole length makes the batches larger (fewer passes over the cases, in memory already held).
        var batches = new BucketBatches(pairCounts);
        var buffer = System.Buffers.ArrayPool<long>.Shared.Rent(batches.Room);
        var handovers = new List<Handover>(pairCounts.Length);
        foreach (var (first, end, offsets) in batches.All(buffer.Length))
        {
            FillDurations(log, groups, pairs, (int[])offsets.Clone(), buffer);
            for (var p = first; p < end; p++)
            {
                var slice = buffer.AsSpan(offsets[p], pairCounts[p]);
                var (from, to) = pairs.GroupsOf(p);
                handovers.Add(new Handover(log.GroupNames[from], log.GroupNames[to], slice.Length, Statistics.MedianUnsorted(slice) / TimeSpan.TicksPerHour));
            }
        }

        System.Buffers.ArrayPool<long>.Shared.Return(buffer);

        // Most first, then by names: each pair once, so no two compare equal (a sort, not LINQ's, whose generic keys over
        // these records had no precompiled code: a few milliseconds of compiling in a cold run).
        handovers.Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count)
            : string.CompareOrdinal(x.From, y.From) is var from and not 0 ? from : string.CompareOrdinal(x.To, y.To));
        var pings = new PingPong[pingPongCases.Length];
        var order = new int[pings.Length];
        for (var k = 0; k < pings.Length; k++)
        {
            var (a, b) = bounces.GroupsOf(k);
            (pings[k], order[k]) = (new PingPong(log.GroupNames[a], log.GroupNames[b], pingPongCases[k]), k);
        }

        // Most cases first, then by the first group, then in order of first appearance.
        Array.Sort(order, (x, y) => pings[x].Cases != pings[y].Cases ? pings[y].Cases.CompareTo(pings[x].Cases)
            : string.CompareOrdinal(pings[x].GroupA, pings[y].GroupA) is var group and not 0 ? group : x.CompareTo(y));
        var sorted = new PingPong[order.Length];
        for (var k = 0; k < order.Length; k++) sorted[k] = pings[order[k]];
        return (handovers, sorted, casesWithPingPong);
    }

    // The handovers of each pair of groups, and per ping-pong pair (the lower group first) the cases it happened in, both coded
    // in order of first appearance; with the number of cases that bounced at all.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (int[] Counts, int[] PingPongCases, int CasesWithPingPong) CountPairs(EventLog log, int[] groups, PairCodes pairs, PairCodes bounces)
    {
        var counts = new int[16];
        var pairCount = 0;
        var pingPongCases = new List<int>();
        var lastCounted = new List<int>();
        var casesWithPingPong = 0;
        var offsets = log.CaseOffsets;
        for (var c = 0; c < log.CaseCount; c++)
        {
            // The case's chain of groups (each run of one group as one link) walked in place, the two links before kept.
            var (before, last) = (-1, -1);
            var bounced = false;
            for (var i = offsets[c]; i < offsets[c + 1]; i++)
            {
                var g = groups[i];
                if (g < 0 || g == last) continue;
                if (last >= 0)
                {
                    var pair = pairs.CodeOf(last, g);
                    if (pair == pairCount)
                    {
                        if (pairCount == counts.Length) Array.Resize(ref counts, 2 * counts.Length);
                        counts[pairCount++] = 0;
                    }

                    counts[pair]++;
                    if (g == before)
                    {
                        var key = g < last ? bounces.CodeOf(g, last) : bounces.CodeOf(last, g);
                        if (key == pingPongCases.Count)
                        {
                            pingPongCases.Add(0);
                            lastCounted.Add(-1);
                        }

                        if (lastCounted[key] != c)
                        {
                            lastCounted[key] = c;
                            pingPongCases[key]++;
                            bounced = true;
                        }
                    }
                }

                (before, last) = (last, g);
            }

            if (bounced) casesWithPingPong++;
        }

        return (counts[..pairCount], [.. pingPongCases], casesWithPingPong);
    }

    // The durations of the handovers of the pairs in a batch, each written at its pair's next place (-1: a pair outside it).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FillDurations(EventLog log, int[] groups, PairCodes pairs, int[] fill, long[] durations)
    {
        var (offsets, times) = (log.CaseOffsets, log.Timestamps);
        for (var c = 0; c < log.CaseCount; c++)
        {
            // The case's chain of groups (as Chain makes it) walked in place: a handover where the group changes.
            var (last, since) = (-1, 0L);
            for (var i = offsets[c]; i < offsets[c + 1]; i++)
            {
                var g = groups[i];
                if (g < 0 || g == last) continue;
                if (last >= 0)
                {
                    ref var slot = ref fill[pairs.CodeOf(last, g)];
                    if (slot >= 0) durations[slot++] = times[i] - since;
                }

                (last, since) = (g, times[i]);
            }
        }
    }

    // A code per pair of groups, in order of first appearance: a table when there are few groups, else a dictionary.
    private sealed class PairCodes(int groups)
    {
        private readonly int[]? _table = groups <= 256 ? new int[groups * groups] : null;
        private readonly Dictionary<(int, int), int> _codes = [];
        private readonly List<(int From, int To)> _pairs = [];

        // A pair met before, from the table, inlined into the passes over the events; a new one, or many groups, a call.
        public int CodeOf(int from, int to) => _table is { } table && table[(from * groups) + to] is > 0 and var slot ? slot - 1 : Add(from, to);

        private int Add(int from, int to)
        {
            if (_table is { } table)
            {
                _pairs.Add((from, to));
                table[(from * groups) + to] = _pairs.Count;
                return _pairs.Count - 1;
            }

            if (!_codes.TryGetValue((from, to), out var code))
            {
                _codes[(from, to)] = code = _pairs.Count;
                _pairs.Add((from, to));
            }

            return code;
        }

        public (int From, int To) GroupsOf(int code) => _pairs[code];
    }
}
