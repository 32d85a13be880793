namespace Plumb.Mining.Tests.Readers;

using System.IO.Compression;
using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// A CSV file read in parts at once gives the same log as one pass: on every CSV test log, across quoted line breaks at a
/// cut, and with the same errors and line numbers (issue 16: reading on both cores).
/// </summary>
public sealed class ParallelCsvTests
{
    public static TheoryData<string, string?> Logs => new()
    {
        { "receipt.csv.gz", null },
        { "bpic2013/VINST-new.csv.gz", "SR Number|Activity|Change Date+Time" },
        { "bpic2013/VINST cases closed problems.csv.gz", null },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_test_log_read_in_two_three_and_seven_parts_is_the_log_read_in_one(string name, string? columns)
    {
        var bytes = Decompressed(name);
        var named = columns?.Split('|');
        CsvLogOptions Options(int parts) => new() { ReadParts = parts, Case = named?[0], Activity = named?[1], Timestamp = named?[2] };
        var whole = Read(bytes, Options(1));

        foreach (var parts in new[] { 2, 3, 7 }) AssertSame(whole, Read(bytes, Options(parts)));
    }

    [Fact]
    public void A_cut_near_a_quoted_field_with_line_breaks_falls_after_the_record_and_lines_stay_right()
    {
        // Given a log whose middle rows hold notes with line breaks and separators in quotes, and a bad row near the end
        var text = new StringBuilder("case,activity,timestamp,note\r\n");
        for (var i = 0; i < 400; i++)
        {
            var note = i % 3 == 0 ? "\"line one\r\nline two, \"\"quoted\"\"\nline three\"" : "plain";
            text.Append($"C{i / 4},Step {i % 4},2024-01-{1 + (i % 28):00}T10:{i % 60:00}:00Z,{note}\r\n");
        }

        var good = Encoding.UTF8.GetBytes(text.ToString());
        var bad = Encoding.UTF8.GetBytes(text + "C999,Step 1,not a time,x\r\n");

        // Then every cut gives the same log, and the bad row is named on the same line (1 header + 400 rows + 2 × 134 breaks in notes)
        var whole = Read(good, new CsvLogOptions { ReadParts = 1 });
        Assert.Equal(400, whole.EventCount);
        Assert.Contains(whole.Attributes["note"].Values.Values, v => v.Contains("line two, \"quoted\"\nline three", StringComparison.Ordinal));
        for (var parts = 2; parts <= 9; parts++) AssertSame(whole, Read(good, new CsvLogOptions { ReadParts = parts }));
        var expected = CsvEventLogReader.Read(ParallelCsvTests.Visible(bad), Encoding.UTF8, new CsvLogOptions { ReadParts = 1 }).Error!.Format("log.csv");
        Assert.StartsWith("log.csv:670: field 'timestamp'", expected, StringComparison.Ordinal);
        for (var parts = 2; parts <= 9; parts++)
        {
            Assert.Equal(expected, CsvEventLogReader.Read(ParallelCsvTests.Visible(bad), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Error!.Format("log.csv"));
        }
    }

    [Fact]
    public void A_stray_quote_inside_a_field_and_month_first_dates_found_late_give_the_one_pass_log()
    {
        // Given 5" screens (a quote that opens nothing) and day/month dates that only the last rows show to be month-first
        var text = new StringBuilder("case,activity,timestamp,item\n");
        for (var i = 0; i < 300; i++) text.Append($"C{i / 3},Step {i % 3},0{1 + (i % 9)}/0{1 + (i % 7)}/2024 10:00,5\" screen\n");
        text.Append("C100,Step 0,12/31/2024 10:00,x\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var whole = Read(bytes, new CsvLogOptions { ReadParts = 1 });

        // 08/01/2024 is 1 August once 12/31/2024 showed the column month-first, not 8 January
        Assert.Contains(new DateTime(2024, 8, 1, 10, 0, 0, DateTimeKind.Utc).Ticks, whole.Timestamps);
        Assert.DoesNotContain(new DateTime(2024, 1, 8, 10, 0, 0, DateTimeKind.Utc).Ticks, whole.Timestamps);
        for (var parts = 2; parts <= 5; parts++) AssertSame(whole, Read(bytes, new CsvLogOptions { ReadParts = parts }));
    }

    [Fact]
    public void Skipped_rows_before_a_cut_and_resources_first_met_after_it_give_the_one_pass_log()
    {
        // Given a log whose first half has bad rows (its events end before the second part's range begins) and no resources,
        // and whose second half has resources, groups and states, with one case running across every cut
        var text = new StringBuilder("case,activity,timestamp,resource,group,state\n");
        for (var i = 0; i < 600; i++)
        {
            var late = i >= 300;
            var time = i % 50 == 7 ? "not a time" : $"2024-02-{1 + (i % 28):00}T08:{i % 60:00}:00Z";
            text.Append($"C{i / 25},Step {i % 5},{time},{(late ? $"R{i % 4}" : "")},{(late && i % 2 == 0 ? "G1" : "")},{(late ? "open" : "")}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        CsvLogOptions Options(int parts) => new() { ReadParts = parts, SkipBadRows = true };
        var whole = Read(bytes, Options(1));

        // Then every cut gives the same log: events moved down over the skipped rows, -1 where the first half had no value
        Assert.Equal(588, whole.EventCount);
        Assert.Equal(12, whole.Notes.SkippedRows);
        Assert.Equal(-1, whole.Resources![0]);
        for (var parts = 2; parts <= 9; parts++) AssertSame(whole, Read(bytes, Options(parts)));
    }

    [Fact]
    public void Rows_that_are_whole_records_give_more_events_than_rows_and_the_one_pass_log_in_parts()
    {
        // Given one row per record, opened only (one event a row) but for the middle rows, also resolved and closed: up to three
        // events a row, more than a part's range holds, so the parts after them no longer fit where their rows lie
        var text = new StringBuilder("number,opened_at,resolved_at,closed_at,assignment_group\n");
        for (var i = 0; i < 400; i++)
        {
            var middle = i is >= 150 and < 250;
            var resolved = !middle || i % 3 == 0 ? "" : $"2024-03-{2 + (i % 20):00} 10:00:00";
            var closed = !middle || i % 2 == 0 ? "" : $"2024-03-{3 + (i % 20):00} 10:00:00";
            text.Append($"INC{i:0000000},2024-03-01 09:{i % 60:00}:00,{resolved},{closed},Group {i % 3}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var whole = Read(bytes, new CsvLogOptions { ReadParts = 1 });

        Assert.True(whole.EventCount > 500);
        for (var parts = 2; parts <= 7; parts++) AssertSame(whole, Read(bytes, new CsvLogOptions { ReadParts = parts }));
    }

    [Fact]
    public void A_case_met_again_in_a_later_part_is_grouped_as_in_one_pass()
    {
        // Given cases whose rows are not together: C0 comes back in the last rows, after the cuts
        var text = new StringBuilder("case,activity,timestamp,resource\n");
        for (var i = 0; i < 500; i++) text.Append($"C{i / 10},Step {i % 10},2024-04-01T{i / 60 % 24:00}:{i % 60:00}:00Z,R{i % 7}\n");
        for (var i = 0; i < 5; i++) text.Append($"C0,Late {i},2024-04-02T09:0{i}:00Z,R9\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var whole = Read(bytes, new CsvLogOptions { ReadParts = 1 });

        Assert.Equal(15, whole.End(0) - whole.Start(0));
        for (var parts = 2; parts <= 7; parts++) AssertSame(whole, Read(bytes, new CsvLogOptions { ReadParts = parts }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cases_across_cuts_and_a_column_blank_in_later_parts_give_the_one_pass_log(bool groupsLate)
    {
        // Given cases of seven events (so cuts fall inside cases), resources only in the first half of the file and, in one
        // variant, groups only in the second half (a column the first part never met)
        var text = new StringBuilder("case,activity,timestamp,resource,group\n");
        for (var i = 0; i < 700; i++)
        {
            var resource = i < 350 ? $"R{i % 5}" : "";
            var group = groupsLate == i >= 350 ? $"G{i % 3}" : "";
            text.Append($"C{i / 7},Step {i % 7},2024-04-01T{i / 60 % 24:00}:{i % 60:00}:00Z,{resource},{group}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var options = new CsvLogOptions { ReadParts = 1, Resource = "resource", Group = "group" };

        var whole = Read(bytes, options);

        Assert.Equal(-1, whole.Resources![^1]);
        Assert.Equal(100, whole.CaseCount);
        for (var parts = 2; parts <= 9; parts++) AssertSame(whole, Read(bytes, options with { ReadParts = parts }));
    }

    private static byte[] Decompressed(string name)
    {
        using var file = File.OpenRead(SharedData.EventLogs(name));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The bytes as a stream whose buffer the reader may share between its parts (else it reads in one pass).</summary>
    internal static MemoryStream Visible(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    private static EventLog Read(byte[] bytes, CsvLogOptions options) => SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8, options));

    internal static void AssertSame(EventLog expected, EventLog actual)
    {
        Assert.Equal(expected.CaseIds.Values, actual.CaseIds.Values);
        Assert.Equal(expected.CaseOffsets, actual.CaseOffsets);
        Assert.Equal(expected.Activities, actual.Activities);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(expected.Resources, actual.Resources);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.States, actual.States);
        Assert.Equal(expected.Priorities, actual.Priorities);
        foreach (var (e, a) in new[] { (expected.ActivityNames, actual.ActivityNames), (expected.ResourceNames, actual.ResourceNames),
            (expected.GroupNames, actual.GroupNames), (expected.StateValues, actual.StateValues), (expected.PriorityValues, actual.PriorityValues) })
        {
            Assert.Equal(e.Values, a.Values);
        }

        Assert.Equal(expected.Attributes.Keys.Order(StringComparer.Ordinal), actual.Attributes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, attribute) in expected.Attributes)
        {
            var other = actual.Attributes[name];
            Assert.Equal(Enumerable.Range(0, expected.CaseCount).Select(attribute.ValueOf), Enumerable.Range(0, actual.CaseCount).Select(other.ValueOf));
        }

        Assert.Equal(expected.Notes.UnsortedCases, actual.Notes.UnsortedCases);
        Assert.Equal(expected.Notes.DuplicateEvents, actual.Notes.DuplicateEvents);
        Assert.Equal(expected.Notes.SkippedRows, actual.Notes.SkippedRows);
        Assert.Equal(expected.Notes.Problems, actual.Notes.Problems);
        Assert.Equal(expected.Table, actual.Table);
    }
}
