namespace Plumb.Mining.Tests.Discovery;

using Plumb.Mining.Discovery;
using Plumb.Mining.Readers;

/// <summary>Directly-follows durations, rework, handovers and flow across processes on small logs worked out by hand.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public void Dfg_edges_carry_count_mean_and_median_hours()
    {
        // a->b takes 1 h, 2 h and 6 h: mean 3, median 2.
        const string csv = "case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n1,b,2024-01-01T01:00:00Z\n2,a,2024-01-01T00:00:00Z\n2,b,2024-01-01T02:00:00Z\n3,a,2024-01-01T00:00:00Z\n3,b,2024-01-01T06:00:00Z\n3,b,2024-01-01T07:00:00Z\n";
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));

        var dfg = DirectlyFollowsGraph.Discover(log);
        var flow = GroupFlow.Discover(log);

        var ab = dfg.Edges.Single(e => e.From == "a" && e.To == "b");
        Assert.Equal((3, 3.0, 2.0), (ab.Count, ab.MeanHours, ab.MedianHours));
        Assert.Equal(3, dfg.EndActivities["b"]);
        Assert.Equal(new Rework("b", 1, 1), flow.Rework.Single());
    }

    [Fact]
    public void An_edge_mean_is_its_exact_sum_over_its_count_in_any_order_of_the_cases()
    {
        // Durations up to 40 days over 3,000 cases sum past 2^53 ticks, where adding doubles in one order or another rounds.
        var random = new Random(7);
        var durations = Enumerable.Range(0, 3000).Select(_ => random.NextInt64(1, 40 * TimeSpan.TicksPerDay)).ToArray();
        var exact = durations.Aggregate(Int128.Zero, (sum, d) => sum + d);
        Assert.True(exact > (Int128)(1L << 53));

        double MeanOf(IEnumerable<int> order)
        {
            var builder = new Plumb.Mining.EventLogs.EventLogBuilder();
            var (a, b) = (builder.ActivityNames.Intern("a"), builder.ActivityNames.Intern("b"));
            var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            foreach (var c in order)
            {
                var id = builder.Case($"case-{c}");
                builder.Add(id, a, start);
                builder.Add(id, b, start + durations[c]);
            }

            return DirectlyFollowsGraph.Discover(builder.Build()).Edges.Single().MeanHours;
        }

        var inOrder = MeanOf(Enumerable.Range(0, durations.Length));
        Assert.Equal((double)exact / durations.Length / TimeSpan.TicksPerHour, inOrder);
        Assert.Equal(inOrder, MeanOf(Enumerable.Range(0, durations.Length).OrderBy(_ => random.Next())));
    }

    [Fact]
    public void Linked_records_show_flow_from_incident_to_problem()
    {
        const string csv = "number,activity,timestamp,problem_id,table\nINC1,New,2024-01-01T00:00:00Z,PRB1,incident\nINC2,New,2024-01-01T00:00:00Z,,incident\nPRB1,New,2024-01-01T12:00:00Z,,problem\n";
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));

        var link = CrossProcessFlow.Discover(log).Single();

        Assert.Equal(("incident", "problem", "problem_id", 1, 0.5, 12.0), (link.FromTable, link.ToTable, link.Field, link.Links, link.Share, link.MedianHours ?? double.NaN));
    }
}
