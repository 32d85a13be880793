namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Counts on the public logs in tests/data/event-logs (sources in NOTICE; the large ones gzip-compressed as published logs often are) equal
/// figures computed independently of Plumb (variants as pm4py counts them: distinct activity sequences after a stable sort by timestamp).
/// </summary>
public sealed class RealLogTests
{
    [Fact]
    public void Running_example_has_6_cases_42_events_8_activities_6_variants_and_16_dfg_edges()
    {
        var log = SharedData.Xes("running-example.xes");
        AssertCounts(log, 6, 42, 8, 6);
        var dfg = DirectlyFollowsGraph.Discover(log);
        Assert.Equal(16, dfg.Edges.Count);
        Assert.Equal(6, dfg.StartActivities["register request"]);
        Assert.Equal(42 - 6, dfg.Edges.Sum(e => e.Count));
    }

    [Fact]
    public void Receipt_csv_gz_has_1434_cases_8577_events_27_activities_and_116_variants()
    {
        var log = SharedData.Csv("receipt.csv.gz");
        AssertCounts(log, 1434, 8577, 27, 116);
        Assert.NotNull(log.Groups);
        Assert.NotNull(log.FindAttribute("channel"));
    }

    [Fact]
    public void Helpdesk_xes_gz_has_4580_cases_21348_events_14_activities_and_226_variants()
    {
        var log = SharedData.Xes("helpdesk.xes.gz");
        AssertCounts(log, 4580, 21348, 14, 226);
    }

    [Fact]
    public void Bpic2013_incidents_have_7554_cases_65533_events_13_activities_and_2278_variants()
    {
        var log = SharedData.Csv("bpic2013/VINST-new.csv.gz", new CsvLogOptions { Case = "SR Number", Activity = "Activity", Timestamp = "Change Date+Time" });
        AssertCounts(log, 7554, 65533, 13, 2278);
    }

    [Fact]
    public void Bpic2013_incidents_by_status_alone_have_4_activities_and_1511_variants()
    {
        var log = SharedData.Csv("bpic2013/VINST-new.csv.gz", new CsvLogOptions { Case = "SR Number", Activity = "Status", Timestamp = "Change Date+Time" });
        AssertCounts(log, 7554, 65533, 4, 1511);
    }

    [Fact]
    public void Bpic2013_closed_problems_in_latin1_with_semicolons_have_1487_cases_6660_events_7_activities_and_327_variants()
    {
        var options = new CsvLogOptions { Activity = "Problem Status+Problem Sub Status" };
        var log = SharedData.Csv("bpic2013/VINST cases closed problems.csv.gz", options, Encoding.Latin1);
        AssertCounts(log, 1487, 6660, 7, 327);
        var byStatus = SharedData.Csv("bpic2013/VINST cases closed problems.csv.gz", new CsvLogOptions { Activity = "Problem Status" }, Encoding.Latin1);
        Assert.Equal(183, VariantSet.Discover(byStatus).Variants.Count);
    }

    private static void AssertCounts(EventLog log, int cases, int events, int activities, int variants)
    {
        Assert.Equal(cases, log.CaseCount);
        Assert.Equal(events, log.EventCount);
        Assert.Equal(activities, log.ActivityNames.Count);
        var set = VariantSet.Discover(log);
        Assert.Equal(variants, set.Variants.Count);
        Assert.Equal(cases, set.Variants.Sum(v => v.Count));
        Assert.Equal(1.0, set.Variants.Sum(v => v.Coverage), 9);
    }
}
