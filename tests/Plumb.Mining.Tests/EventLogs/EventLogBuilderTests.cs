namespace Plumb.Mining.Tests.EventLogs;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The column-wise log is the same whether rows were counted beforehand (a seekable file) or not, grouped or interleaved.</summary>
public sealed class EventLogBuilderTests
{
    private static string Describe(EventLog log) => string.Join("\n", Enumerable.Range(0, log.CaseCount).Select(c =>
        log.CaseIds[c] + ": " + string.Join(" ", Enumerable.Range(log.Start(c), log.End(c) - log.Start(c)).Select(e =>
            $"{log.ActivityNames[log.Activities[e]]}@{log.Timestamps[e]}/{log.ResourceNames.NameOf(log.Resources![e])}/{log.GroupNames.NameOf(log.Groups![e])}"))
        + " cat=" + log.FindAttribute("category")?.ValueOf(c)));

    private static (EventLog Counted, EventLog Streamed) ReadBothWays(string csv, CsvLogOptions? options = null)
    {
        var counted = SharedData.Succeeded(CsvEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Encoding.UTF8, options));
        var streamed = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv), options));
        return (counted, streamed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interleaved_and_grouped_rows_give_the_same_log_with_or_without_a_row_count(bool interleave)
    {
        // Given 3,000 cases of 5 events, in case order or round robin (as time-sorted exports come)
        var rows = new List<string>();
        for (var c = 0; c < 3000; c++)
        {
            for (var e = 0; e < 5; e++) rows.Add($"C{c},step {e},2024-01-01T00:{e:00}:{c % 60:00}Z,user{(c + e) % 7},group{c % 3},cat{c % 4}");
        }

        if (interleave) rows = [.. rows.Select((r, i) => (r, i)).OrderBy(x => x.i % 5).ThenBy(x => x.i).Select(x => x.r)];
        var csv = "case,activity,timestamp,resource,group,category\n" + string.Join("\n", rows) + "\n";

        // When read from a seekable stream (rows counted first) and from a reader that cannot seek
        var (counted, streamed) = ReadBothWays(csv);

        // Then both give the same log, grouped by case in order of first appearance
        Assert.Equal(15_000, counted.EventCount);
        Assert.Equal(3000, counted.CaseCount);
        Assert.Equal(Describe(streamed), Describe(counted));
        Assert.Equal("C0: step 0@" + new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, Describe(counted).Split('\n')[0][..(4 + 7 + 18)]);
        Assert.Equal(0, counted.Notes.UnsortedCases);
    }

    [Fact]
    public void Fewer_events_than_counted_rows_still_read_right()
    {
        // Blank lines, a skipped bad row and a quoted line break make the row count an overestimate.
        var csv = "case,activity,timestamp,resource,group,category\nA,x,2024-01-01T10:00:00Z,u,g,\"two\nlines\"\n\nB,y,not a time,u,g,c\n\nB,y,2024-01-01T11:00:00Z,u,g,c\nA,z,2024-01-01T12:00:00Z,u,g,c\n";

        var (counted, streamed) = ReadBothWays(csv, new CsvLogOptions { SkipBadRows = true });

        Assert.Equal(3, counted.EventCount);
        Assert.Equal(1, counted.Notes.SkippedRows);
        Assert.Equal(Describe(streamed), Describe(counted));
        Assert.Equal(["x", "z"], counted.CaseActivities(0).ToArray().Select(a => counted.ActivityNames[a]));
    }

    [Fact]
    public void A_string_table_keeps_codes_stable_as_it_grows()
    {
        var table = new StringTable();
        for (var i = 0; i < 50_000; i++) Assert.Equal(i, table.Intern($"INC{i:0000000}"));

        Assert.Equal(50_000, table.Count);
        Assert.Equal(12_345, table.Find("INC0012345".AsSpan()));
        Assert.Equal(-1, table.Find("INC9999999"));
        Assert.Equal(7, table.Intern("INC0000007"));
        Assert.Equal("INC0049999", table[49_999]);
    }

    [Fact]
    public void A_column_without_values_is_absent_and_one_that_starts_late_is_filled_with_none()
    {
        var builder = new EventLogBuilder();
        builder.ExpectEvents(3);
        var a = builder.Case("A");
        builder.Add(a, builder.ActivityNames.Intern("New"), 1);
        builder.Add(a, builder.ActivityNames.Intern("Work"), 2, resource: builder.ResourceNames.Intern("ann"));
        builder.Add(a, builder.ActivityNames.Intern("Done"), 3);

        var log = builder.Build();

        Assert.Equal([-1, 0, -1], log.Resources!);
        Assert.Null(log.Groups);
        Assert.Null(log.States);
    }

    [Fact]
    public void A_case_attribute_that_changes_on_every_event_keeps_one_value_per_case_and_shared_values_stay()
    {
        // Given 2,000 cases of 5 events whose task id changes on every row, and a channel that several cases share
        var rows = new List<string>();
        for (var c = 0; c < 2000; c++)
        {
            for (var e = 0; e < 5; e++) rows.Add($"C{c},step {e},2024-01-01T00:{e:00}:{c % 60:00}Z,task-{(c * 5) + e},{(e == 4 ? "Desk" : c % 2 == 0 ? "Internet" : "Post")}");
        }

        var csv = "case,activity,timestamp,task,channel\n" + string.Join("\n", rows) + "\n";

        // When read (both ways)
        var (counted, streamed) = ReadBothWays(csv);

        foreach (var log in new[] { counted, streamed })
        {
            // Then each case has its last task id, and the value table holds only those (not one per event)
            var task = log.FindAttribute("task")!;
            Assert.Equal("task-4", task.ValueOf(0));
            Assert.Equal("task-9999", task.ValueOf(1999));
            Assert.Equal(2000, task.Values.Count);
            Assert.Equal(2000, Enumerable.Range(0, 2000).Select(task.ValueOf).Distinct().Count());

            // And a value several cases share stays
            var channel = log.FindAttribute("channel")!;
            Assert.All(Enumerable.Range(0, 2000), c => Assert.Equal("Desk", channel.ValueOf(c)));
        }

        // And a value a second case took up after the first is not dropped when the first case moves on
        var builder = new EventLogBuilder();
        int a = builder.Case("A"), b = builder.Case("B");
        builder.Add(a, builder.ActivityNames.Intern("step"), 1);
        builder.Add(b, builder.ActivityNames.Intern("step"), 2);
        builder.SetAttribute(a, "task", "X");
        builder.SetAttribute(b, "task", "X");
        builder.SetAttribute(a, "task", "Y");
        builder.SetAttribute(a, "task", "Z");
        var built = builder.Build().FindAttribute("task")!;
        Assert.Equal(("Z", "X"), (built.ValueOf(a), built.ValueOf(b)));
        Assert.Equal(["X", "Z"], built.Values.Values);
    }
}
