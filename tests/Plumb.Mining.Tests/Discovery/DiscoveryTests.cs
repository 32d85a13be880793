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
    public void Linked_records_show_flow_from_incident_to_problem()
    {
        const string csv = "number,activity,timestamp,problem_id,table\nINC1,New,2024-01-01T00:00:00Z,PRB1,incident\nINC2,New,2024-01-01T00:00:00Z,,incident\nPRB1,New,2024-01-01T12:00:00Z,,problem\n";
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));

        var link = CrossProcessFlow.Discover(log).Single();

        Assert.Equal(("incident", "problem", "problem_id", 1, 0.5, 12.0), (link.FromTable, link.ToTable, link.Field, link.Links, link.Share, link.MedianHours ?? double.NaN));
    }
}
