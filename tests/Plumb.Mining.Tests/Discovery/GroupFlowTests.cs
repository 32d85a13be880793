namespace Plumb.Mining.Tests.Discovery;

using System.Text;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Handovers and ping-pong found by walking each case's events in place give what the plain way gives: each case's chain of
/// groups as a list, and a set of the pairs it bounced between.
/// </summary>
public sealed class GroupFlowTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 300)]
    public void Ping_pong_and_handovers_on_random_logs_are_those_of_each_case_s_chain_of_groups(int seed, int groupCount)
    {
        var log = RandomLog(seed, groupCount);

        var flow = GroupFlow.Discover(log);

        var (pingPong, casesWithPingPong, handoverCounts) = Plain(log);
        Assert.Equal(casesWithPingPong, flow.CasesWithPingPong);
        Assert.True(flow.CasesWithPingPong > 0);
        Assert.Equal(pingPong, flow.PingPong.Select(p => (p.GroupA, p.GroupB, p.Cases)).ToList());
        Assert.Equal(handoverCounts, flow.Handovers.Select(h => (h.From, h.To)).ToDictionary(h => h, h => flow.Handovers.Single(x => (x.From, x.To) == h).Count));
    }

    [Fact]
    public void A_bounce_counts_once_per_case_and_events_without_a_group_do_not_break_the_chain()
    {
        // C1: A -> B -> A -> B -> A (one case, the pair once); C2: A, (none), A, B: no bounce, one handover
        const string csv = "case,activity,timestamp,group\n" +
            "C1,x,2024-01-01T00:00:00Z,A\nC1,x,2024-01-01T01:00:00Z,B\nC1,x,2024-01-01T02:00:00Z,A\nC1,x,2024-01-01T03:00:00Z,B\nC1,x,2024-01-01T04:00:00Z,A\n" +
            "C2,x,2024-01-01T00:00:00Z,A\nC2,x,2024-01-01T01:00:00Z,\nC2,x,2024-01-01T02:00:00Z,A\nC2,x,2024-01-01T03:00:00Z,B\n";
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv), new CsvLogOptions { Group = "group" }));

        var flow = GroupFlow.Discover(log);

        Assert.Equal(("A", "B", 1), flow.PingPong.Select(p => (p.GroupA, p.GroupB, p.Cases)).Single());
        Assert.Equal(1, flow.CasesWithPingPong);
        Assert.Equal(3, flow.Handovers.Single(h => h.From == "A" && h.To == "B").Count);
        Assert.Equal(2, flow.Handovers.Single(h => h.From == "B" && h.To == "A").Count);
    }

    private static EventLog RandomLog(int seed, int groupCount)
    {
        var random = new Random(seed);
        var text = new StringBuilder("case,activity,timestamp,group\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 400; c++)
        {
            var events = random.Next(1, 14);
            for (var e = 0; e < events; e++)
            {
                // Few groups per case, so chains bounce; a blank group now and then.
                var group = random.Next(10) == 0 ? "" : $"G{(c + random.Next(3)) % groupCount}";
                text.Append($"C{c},step {e % 4},{start.AddMinutes((c * 100) + (e * 7)):yyyy-MM-ddTHH:mm:ssZ},{group}\n");
            }
        }

        return SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text.ToString()), new CsvLogOptions { Group = "group" }));
    }

    // The plain way: each case's chain of groups as a list, its bounced pairs in a set; ping-pong ordered as the report orders it.
    private static (List<(string, string, int)> PingPong, int CasesWithPingPong, Dictionary<(string, string), int> Handovers) Plain(EventLog log)
    {
        var pingPong = new Dictionary<(int, int), int>();
        var handovers = new Dictionary<(string, string), int>();
        var cases = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var chain = new List<int>();
            for (var i = log.Start(c); i < log.End(c); i++)
            {
                var g = log.Groups![i];
                if (g >= 0 && (chain.Count == 0 || chain[^1] != g)) chain.Add(g);
            }

            var seen = new HashSet<(int, int)>();
            for (var i = 1; i < chain.Count; i++)
            {
                var names = (log.GroupNames[chain[i - 1]], log.GroupNames[chain[i]]);
                handovers[names] = handovers.GetValueOrDefault(names) + 1;
                if (i >= 2 && chain[i] == chain[i - 2])
                {
                    var key = (Math.Min(chain[i], chain[i - 1]), Math.Max(chain[i], chain[i - 1]));
                    if (seen.Add(key)) pingPong[key] = pingPong.GetValueOrDefault(key) + 1;
                }
            }

            if (seen.Count > 0) cases++;
        }

        var ordered = pingPong.Select(p => (log.GroupNames[p.Key.Item1], log.GroupNames[p.Key.Item2], p.Value))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Item1, StringComparer.Ordinal).ToList();
        return (ordered, cases, handovers);
    }
}
