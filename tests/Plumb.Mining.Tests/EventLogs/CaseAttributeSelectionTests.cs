namespace Plumb.Mining.Tests.EventLogs;

using Plumb.Handbook.Model;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>A reader keeps the values of the case attributes a command reads and names the others (issue 16: ≤ 100 bytes per event).</summary>
public sealed class CaseAttributeSelectionTests
{
    private const string Log = "case,activity,timestamp,case:channel,Sys ID,deadline,reopen_count\n"
        + "A,Log,2024-01-01T10:00:00Z,Internet,a1,2024-02-01,0\n"
        + "A,Close,2024-01-01T11:00:00Z,Internet,a1,2024-02-01,1\n"
        + "B,Log,2024-01-02T10:00:00Z,Desk,b2,2024-02-02,0\n";

    private static EventLog Read(CaseAttributeSelection? selection) =>
        SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Log), new CsvLogOptions { CaseAttributes = selection }));

    [Fact]
    public void None_keeps_no_values_and_names_every_attribute_column_in_the_notes()
    {
        var log = Read(CaseAttributeSelection.None);

        Assert.Empty(log.Attributes);
        Assert.Equal(["case:channel", "Sys ID", "deadline", "reopen_count"], log.Notes.UnreadAttributes);
        Assert.Equal(3, log.EventCount);
    }

    [Fact]
    public void Mining_keeps_the_fields_mining_looks_up_matched_as_FindAttribute_matches_them()
    {
        var log = Read(CaseAttributeSelection.Mining);

        // "Sys ID" is sys_id with a space (the flow across processes reads it); reopen_count is the tool's count of reopenings.
        Assert.Equal(["Sys ID", "reopen_count"], log.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1", log.FindAttribute("reopen_count")!.ValueOf(0));
        Assert.Equal("b2", log.FindAttribute("sys_id")!.ValueOf(1));
        Assert.Equal(["case:channel", "deadline"], log.Notes.UnreadAttributes);
    }

    [Fact]
    public void The_fields_of_a_process_kpis_are_kept_with_or_without_a_case_prefix()
    {
        var kpis = new List<Kpi>
        {
            new() { Id = "a", Name = "By channel", Measure = "count by channel" },
            new() { Id = "b", Name = "Before the deadline", Measure = "ratio where has field:deadline" },
            new() { Id = "c", Name = "Broken", Measure = "count where (" },
        };

        var log = Read(CaseAttributeSelection.ForKpis(kpis));

        Assert.Equal("Desk", log.FindAttribute("channel")!.ValueOf(1));
        Assert.Equal("2024-02-02", log.FindAttribute("deadline")!.ValueOf(1));
        Assert.Empty(log.Notes.UnreadAttributes);
    }

    [Fact]
    public void Discovery_and_conformance_give_the_same_figures_on_the_receipt_log_with_only_the_mining_fields()
    {
        // Given the receipt log read whole and read keeping only what mining reads
        var whole = SharedData.Csv("receipt.csv.gz");
        var mining = SharedData.Csv("receipt.csv.gz", new CsvLogOptions { CaseAttributes = CaseAttributeSelection.Mining });

        // Then the events, the graph, the variants and the replay are the same, and far fewer values are held
        Assert.Equal(whole.Activities, mining.Activities);
        Assert.Equal(whole.Timestamps, mining.Timestamps);
        Assert.Equal(DirectlyFollowsGraph.Discover(whole).Edges.Select(e => (e.From, e.To, e.Count)), DirectlyFollowsGraph.Discover(mining).Edges.Select(e => (e.From, e.To, e.Count)));
        Assert.Equal(VariantSet.Discover(whole).Variants.Select(v => (string.Join(">", v.Activities), v.Count)),
            VariantSet.Discover(mining).Variants.Select(v => (string.Join(">", v.Activities), v.Count)));
        Assert.Equal(GroupFlow.Discover(whole).Handovers.Count, GroupFlow.Discover(mining).Handovers.Count);
        Assert.True(mining.Attributes.Count < whole.Attributes.Count);
        Assert.Contains("case:channel", mining.Notes.UnreadAttributes);
    }
}
