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
        var expected = CsvEventLogReader.Read(new MemoryStream(bad), Encoding.UTF8, new CsvLogOptions { ReadParts = 1 }).Error!.Format("log.csv");
        Assert.StartsWith("log.csv:670: field 'timestamp'", expected, StringComparison.Ordinal);
        for (var parts = 2; parts <= 9; parts++)
        {
            Assert.Equal(expected, CsvEventLogReader.Read(new MemoryStream(bad), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Error!.Format("log.csv"));
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

    private static byte[] Decompressed(string name)
    {
        using var file = File.OpenRead(SharedData.EventLogs(name));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static EventLog Read(byte[] bytes, CsvLogOptions options) => SharedData.Succeeded(CsvEventLogReader.Read(new MemoryStream(bytes), Encoding.UTF8, options));

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
