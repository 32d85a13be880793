namespace Plumb.Mining.Tests.Readers;

using System.IO.Compression;
using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// An XES file read in parts at once gives the same log as one pass: on the XES test logs, with the middle of the file in a
/// trace, in a comment or CDATA section holding traces, or near an attribute value that reads "&lt;trace", and with the same
/// errors and line numbers (issue 16: reading on both cores).
/// </summary>
public sealed class ParallelXesTests
{
    [Theory]
    [InlineData("helpdesk.xes.gz")]
    [InlineData("running-example.xes")]
    public void Every_test_log_read_in_two_three_and_seven_parts_is_the_log_read_in_one(string name)
    {
        var bytes = File.ReadAllBytes(SharedData.EventLogs(name));
        if (name.EndsWith(".gz", StringComparison.Ordinal)) bytes = Decompressed(bytes);
        var whole = Read(bytes, 1);

        Assert.NotEmpty(XesLogCuts.Find(Shared(bytes), 0, bytes.Length, 2));
        foreach (var parts in new[] { 2, 3, 7 }) ParallelCsvTests.AssertSame(whole, Read(bytes, parts));
    }

    [Fact]
    public void A_middle_in_a_comment_holding_traces_is_cut_after_the_comment_and_the_log_is_the_same()
    {
        // Given a log whose middle falls in a comment of commented-out traces, a CDATA section holding a trace, and an
        // attribute value that reads "<trace" (escaped, as XML wants it)
        var text = Traces(0, 100) + "  <!-- withdrawn:\n" + Traces(500, 40) + "  -->\n" + Traces(100, 4)
            + "  <note><![CDATA[\n  <trace>\n  ]]></note>\n" + Traces(104, 60);
        var bytes = Encoding.UTF8.GetBytes(Xes(text.Replace("value=\"note 101\"", "value=\"a -->\n  &lt;trace b\"", StringComparison.Ordinal)));
        var middle = bytes.Length / 2;
        var comment = Encoding.UTF8.GetString(bytes).IndexOf("<!-- withdrawn", StringComparison.Ordinal);
        var commentEnd = Encoding.UTF8.GetString(bytes).IndexOf("-->", comment, StringComparison.Ordinal);
        Assert.InRange(middle, comment, commentEnd);

        // Then the cut is the first trace after the comment, and the log read in parts is the one read whole
        var cut = Assert.Single(XesLogCuts.Find(Shared(bytes), 0, bytes.Length, 2));
        Assert.Equal(Encoding.UTF8.GetString(bytes).IndexOf("<trace>", commentEnd, StringComparison.Ordinal), cut);
        var whole = Read(bytes, 1);
        Assert.Equal(164, whole.CaseCount);
        Assert.DoesNotContain("C500", whole.CaseIds.Values);
        for (var parts = 2; parts <= 9; parts++) ParallelCsvTests.AssertSame(whole, Read(bytes, parts));
    }

    [Fact]
    public void Cuts_fall_on_trace_starts_only()
    {
        var bytes = Encoding.UTF8.GetBytes(Xes(Traces(0, 300)));
        var text = Encoding.UTF8.GetString(bytes);

        var cuts = XesLogCuts.Find(Shared(bytes), 0, bytes.Length, 7);

        Assert.Equal(6, cuts.Length);
        Assert.All(cuts, c => Assert.StartsWith("<trace>", text[(int)c..], StringComparison.Ordinal));
        Assert.Equal(cuts.Order(), cuts);
    }

    [Fact]
    public void A_problem_in_a_later_part_is_named_on_the_line_of_the_file()
    {
        // Given a bad timestamp three quarters into the file
        var text = Xes(Traces(0, 200));
        var time = text.IndexOf("2024-05-30T10:00:00Z", StringComparison.Ordinal);
        text = text[..time] + "not a time" + text[(time + "2024-05-30T10:00:00Z".Length)..];
        var bad = Encoding.UTF8.GetBytes(text);
        var eventLine = text[..text.LastIndexOf("<event>", time, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.True(eventLine > text.Count(c => c == '\n') / 2);

        // Then every number of parts names the event's line in the file, as one pass does, and so do the rows skipped
        Assert.Equal($"log.xes:{eventLine}: field 'time:timestamp': 'not a time' is not a timestamp", Error(bad, 1));
        for (var parts = 2; parts <= 5; parts++) Assert.Equal(Error(bad, 1), Error(bad, parts));
        var skipped = Read(bad, 1, skip: true);
        Assert.Equal(eventLine, Assert.Single(skipped.Notes.Problems).Line);
        for (var parts = 2; parts <= 5; parts++) ParallelCsvTests.AssertSame(skipped, Read(bad, parts, skip: true));
    }

    [Fact]
    public void Xml_that_is_not_well_formed_in_a_later_part_gives_the_one_pass_error()
    {
        // A "<trace" written into an attribute value unescaped, after a '>': in the later part, and just before the first trace
        // start past the middle (where it looks like a cut); no XML reader takes it
        var broken = Encoding.UTF8.GetBytes(Xes(Traces(0, 100).Replace("value=\"note 80\"", "value=\"a >\n  <trace b\"", StringComparison.Ordinal)));
        var text = Xes(Traces(0, 100));
        var note = text.LastIndexOf("value=\"note ", text.IndexOf("<trace>", text.Length / 2, StringComparison.Ordinal), StringComparison.Ordinal);
        var atCut = Encoding.UTF8.GetBytes(text[..note] + "value=\"a >\n  <trace b" + text[(note + "value=\"note".Length)..]);
        var unclosed = Encoding.UTF8.GetBytes(Xes(Traces(0, 100)).Replace("</log>", "", StringComparison.Ordinal));

        foreach (var bytes in new[] { broken, atCut, unclosed })
        {
            var expected = Error(bytes, 1);
            Assert.Contains("not well-formed XML", expected, StringComparison.Ordinal);
            for (var parts = 2; parts <= 5; parts++) Assert.Equal(expected, Error(bytes, parts));
        }
    }

    [Fact]
    public void Unnamed_traces_and_a_namespace_prefix_after_the_cut_read_as_in_one_pass()
    {
        // Unnamed traces are numbered by their place in the file; a trace of other tickets after the cut does not change the table
        var unnamed = Encoding.UTF8.GetBytes(Xes(Traces(0, 100).Replace("<string key=\"concept:name\" value=\"C7", "<string key=\"x\" value=\"C7", StringComparison.Ordinal)));
        var tickets = Encoding.UTF8.GetBytes(Xes(Traces(0, 60).Replace("C0\"", "PRB0000001\"", StringComparison.Ordinal)
            + Traces(60, 60).Replace("\"C", "\"INC", StringComparison.Ordinal)));
        var prefixed = Encoding.UTF8.GetBytes(Xes(Traces(0, 100).Replace("<date ", "<x:date xmlns:x=\"urn:x\" ", StringComparison.Ordinal))
            .Replace("<log>", "<log xmlns=\"http://www.xes-standard.org/\" xmlns:y=\"urn:y\">", StringComparison.Ordinal).Replace("<event>", "<y:event>", StringComparison.Ordinal)
            .Replace("</event>", "</y:event>", StringComparison.Ordinal));

        foreach (var bytes in new[] { unnamed, tickets, prefixed })
        {
            var whole = Read(bytes, 1);
            for (var parts = 2; parts <= 4; parts++) ParallelCsvTests.AssertSame(whole, Read(bytes, parts));
        }

        Assert.Contains("trace 71", Read(unnamed, 3).CaseIds.Values);
        Assert.Equal("problem", Read(tickets, 2).Table);
    }

    [Fact]
    public void Parts_whose_events_are_fewer_or_more_than_counted_still_give_the_log_read_in_one()
    {
        // The parts read into ranges of one storage sized by the "<event" tags counted: here a part reads fewer events than
        // counted (events left out by the lifecycle kept, or skipped as bad, or commented out), or more (events of a namespace
        // prefix are not counted), a case id comes back after the cut, and a resource column starts in a later part only.
        var traces = Traces(0, 120);
        var lifecycle = traces.Replace("value=\"Step 1\"/>", "value=\"Step 1\"/>\n      <string key=\"lifecycle:transition\" value=\"start\"/>", StringComparison.Ordinal);
        var firstHalf = traces.IndexOf("<trace>", traces.Length / 2, StringComparison.Ordinal);
        var badEarly = traces[..firstHalf].Replace("2024-01-0", "bad 0", StringComparison.Ordinal) + traces[firstHalf..];
        var commented = Traces(0, 30) + "  <!-- <event> <event/> -->\n" + Traces(30, 90);
        var prefixedLate = traces[..firstHalf] + traces[firstHalf..].Replace("<event>", "<y:event xmlns:y=\"urn:y\">", StringComparison.Ordinal)
            .Replace("</event>", "</y:event>", StringComparison.Ordinal);
        var caseAgain = Traces(0, 60) + Traces(10, 60);
        var resourceLate = traces[..firstHalf] + traces[firstHalf..].Replace("key=\"org:group\"", "key=\"org:resource\"", StringComparison.Ordinal);

        foreach (var (text, options) in new[]
        {
            (lifecycle, new XesLogOptions { Lifecycle = "complete" }), (badEarly, new XesLogOptions { SkipBadRows = true }),
            (commented, new XesLogOptions()), (prefixedLate, new XesLogOptions()), (caseAgain, new XesLogOptions()),
            (resourceLate, new XesLogOptions()), (caseAgain, new XesLogOptions { DropDuplicates = true }),
        })
        {
            var bytes = Encoding.UTF8.GetBytes(Xes(text));
            var whole = SharedData.Succeeded(XesEventLogReader.Read(Shared(bytes), options with { ReadParts = 1 }));
            Assert.True(whole.EventCount > 0);
            for (var parts = 2; parts <= 7; parts++)
            {
                ParallelCsvTests.AssertSame(whole, SharedData.Succeeded(XesEventLogReader.Read(Shared(bytes), options with { ReadParts = parts })));
            }
        }
    }

    [Fact]
    public void Progress_is_reported_as_in_one_pass_also_when_a_read_in_parts_gives_up()
    {
        // Given 25,000 one-event traces, some case ids met again, and the same log with an unnamed trace at its end
        var text = new StringBuilder();
        for (var i = 0; i < 25_000; i++)
        {
            text.Append($"  <trace><string key=\"concept:name\" value=\"C{(i % 7 == 3 ? i / 2 : i)}\"/><event><string key=\"concept:name\" value=\"Step\"/>")
                .Append("<date key=\"time:timestamp\" value=\"2024-01-01T10:00:00Z\"/></event></trace>\n");
        }

        var named = Encoding.UTF8.GetBytes(Xes(text.ToString()));
        var unnamed = Encoding.UTF8.GetBytes(Xes(text + "  <trace><event><string key=\"concept:name\" value=\"Step\"/><date key=\"time:timestamp\" value=\"2024-01-01T10:00:00Z\"/></event></trace>\n"));

        foreach (var bytes in new[] { named, unnamed })
        {
            var whole = Reports(bytes, 1);
            Assert.NotEmpty(whole);
            for (var parts = 2; parts <= 4; parts++) Assert.Equal(whole, Reports(bytes, parts));
        }
    }

    [Fact]
    public void A_compressed_or_unseekable_log_is_read_in_one_part()
    {
        var bytes = Encoding.UTF8.GetBytes(Xes(Traces(0, 50)));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);

        var whole = Read(bytes, 1);
        ParallelCsvTests.AssertSame(whole, SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(compressed.ToArray(), 0, (int)compressed.Length, false, true), new XesLogOptions { ReadParts = 2 })));
        ParallelCsvTests.AssertSame(whole, SharedData.Succeeded(XesEventLogReader.Read(new MemoryStream(bytes), new XesLogOptions { ReadParts = 2 })));
    }

    // Traces with two events each, a trace attribute and an event attribute; numbered from first.
    private static string Traces(int first, int count)
    {
        var text = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            text.Append($"  <trace>\n    <string key=\"concept:name\" value=\"C{i}\"/>\n    <string key=\"team\" value=\"Team {i % 5}\"/>\n");
            for (var e = 0; e < 2; e++)
            {
                var day = new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(i + e);
                text.Append($"    <event>\n      <string key=\"concept:name\" value=\"Step {e}\"/>\n      <string key=\"org:group\" value=\"G{(i + e) % 3}\"/>\n")
                    .Append($"      <string key=\"note\" value=\"note {i}\"/>\n      <date key=\"time:timestamp\" value=\"{day:yyyy-MM-ddTHH:mm:ssZ}\"/>\n    </event>\n");
            }

            text.Append("  </trace>\n");
        }

        return text.ToString();
    }

    private static string Xes(string traces) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- test -->\n<log>\n" + traces + "</log>\n";

    private static MemoryStream Shared(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    private static EventLog Read(byte[] bytes, int parts, bool skip = false) =>
        SharedData.Succeeded(XesEventLogReader.Read(Shared(bytes), new XesLogOptions { ReadParts = parts, SkipBadRows = skip }));

    private static List<long> Reports(byte[] bytes, int parts)
    {
        var reports = new Reported();
        SharedData.Succeeded(XesEventLogReader.Read(Shared(bytes), new XesLogOptions { ReadParts = parts }, reports));
        return reports.Values;
    }

    private static string Error(byte[] bytes, int parts) => XesEventLogReader.Read(Shared(bytes), new XesLogOptions { ReadParts = parts }).Error!.Format("log.xes");

    private sealed class Reported : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }

    private static byte[] Decompressed(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
