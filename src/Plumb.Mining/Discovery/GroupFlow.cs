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

        var rework = Enumerable.Range(0, a).Where(i => repeats[i] > 0)
            .Select(i => new Rework(log.ActivityNames[i], reworkCases[i], repeats[i]))
            .OrderByDescending(r => r.Cases).ThenBy(r => r.Activity, StringComparer.Ordinal).ToList();
        var (handovers, pingPong, casesWithPingPong) = Groups(log);
        return new GroupFlow(rework, casesWithRework, handovers, pingPong, casesWithPingPong);
    }

    private static (List<Handover>, List<PingPong>, int) Groups(EventLog log)
    {
        if (log.Groups is not { } groups) return ([], [], 0);
        var durations = new Dictionary<(int, int), List<long>>();
        var pingPong = new Dictionary<(int, int), int>();
        var casesWithPingPong = 0;
        var chain = new List<(int Group, long Time)>();
        var seenPairs = new HashSet<(int, int)>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            chain.Clear();
            for (var i = log.Start(c); i < log.End(c); i++)
            {
                var g = groups[i];
                if (g < 0 || (chain.Count > 0 && chain[^1].Group == g)) continue;
                chain.Add((g, log.Timestamps[i]));
            }

            seenPairs.Clear();
            for (var i = 1; i < chain.Count; i++)
            {
                var key = (chain[i - 1].Group, chain[i].Group);
                if (!durations.TryGetValue(key, out var list)) durations[key] = list = [];
                list.Add(chain[i].Time - chain[i - 1].Time);
                if (i >= 2 && chain[i].Group == chain[i - 2].Group)
                {
                    var pair = chain[i].Group < chain[i - 1].Group ? (chain[i].Group, chain[i - 1].Group) : (chain[i - 1].Group, chain[i].Group);
                    if (seenPairs.Add(pair)) pingPong[pair] = pingPong.GetValueOrDefault(pair) + 1;
                }
            }

            if (seenPairs.Count > 0) casesWithPingPong++;
        }

        var handovers = durations.Select(p =>
        {
            var sorted = p.Value.ToArray();
            Statistics.SortTicks(sorted);
            return new Handover(log.GroupNames[p.Key.Item1], log.GroupNames[p.Key.Item2], sorted.Length, Statistics.Median(sorted) / TimeSpan.TicksPerHour);
        }).OrderByDescending(h => h.Count).ThenBy(h => h.From, StringComparer.Ordinal).ThenBy(h => h.To, StringComparer.Ordinal).ToList();
        var pings = pingPong.Select(p => new PingPong(log.GroupNames[p.Key.Item1], log.GroupNames[p.Key.Item2], p.Value))
            .OrderByDescending(p => p.Cases).ThenBy(p => p.GroupA, StringComparer.Ordinal).ToList();
        return (handovers, pings, casesWithPingPong);
    }
}
