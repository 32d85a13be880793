namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// The CSV reader splits records on the bytes (issue 16): characters of several bytes across the reader's buffer, byte order
/// marks, a quoted line break exactly where the file is cut into parts, and the same log from text as from bytes.
/// </summary>
public sealed class CsvBytesTests
{
    [Theory]
    [InlineData("é")]
    [InlineData("漢")]
    [InlineData("😀")]
    public void A_character_of_several_bytes_across_the_buffer_end_is_read_whole(string character)
    {
        // Given rows whose note holds the character at every byte offset around 65,536 (the reader's first buffer)
        var text = new StringBuilder("case,activity,timestamp,note\n");
        var row = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < (1 << 16) - 200) text.Append($"C{row},Step,2024-01-01T10:00:00Z,{new string('x', 20 + (row++ % 7))}\n");
        var notes = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var note = new string('y', i) + character + "z";
            notes.Add(note);
            text.Append($"D{i},Step,2024-01-01T10:00:00Z,{new string('p', 20)}{note}\n");
        }

        // When read from bytes (one pass) and from text
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var fromBytes = SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8, new CsvLogOptions { ReadParts = 1 }));
        var fromText = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text.ToString())));

        // Then every note is the text written, and both reads give the same log
        var attribute = fromBytes.FindAttribute("note")!;
        for (var i = 0; i < notes.Count; i++) Assert.Equal(new string('p', 20) + notes[i], attribute.ValueOf(fromBytes.CaseIds.Find($"D{i}")));
        ParallelCsvTests.AssertSame(fromText, fromBytes);
    }

    [Fact]
    public void A_surrogate_pair_across_the_text_readers_chunks_is_read_whole()
    {
        // Given text whose emoji falls across the 16,384-character chunks in which text is turned into bytes
        var head = "case,activity,timestamp,note\nA,Step,2024-01-01T10:00:00Z,";
        var text = head + new string('x', (1 << 14) - head.Length - 1) + "😀\nB,Close,2024-01-01T11:00:00Z,y\n";

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text)));

        Assert.EndsWith("x😀", log.FindAttribute("note")!.ValueOf(0), StringComparison.Ordinal);
        Assert.Equal(2, log.EventCount);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_byte_order_mark_names_the_encoding_and_is_no_part_of_the_first_column(string name)
    {
        // Given a log written with a byte order mark, read as the CLI reads it (UTF-8 unless told; the mark wins)
        const string text = "case;activity;timestamp;note\nA;Log;2024-01-01T10:00:00Z;café\nA;Close;2024-01-01T11:00:00Z;漢字\n";
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        foreach (var parts in new[] { 1, 2 })
        {
            var log = SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }));

            // Then the case column is found by its name and the text is read in the file's encoding
            Assert.Equal(["A"], log.CaseIds.Values);
            Assert.Equal(["Log", "Close"], log.ActivityNames.Values);
            Assert.Equal("漢字", log.FindAttribute("note")!.ValueOf(0));
        }
    }

    [Fact]
    public void A_quoted_line_break_exactly_at_the_cut_leaves_the_record_whole_and_the_lines_right()
    {
        // Given a file whose quoted line break is the byte just before half its length (where a cut in two parts is sought)
        for (var pad = 0; pad < 4000; pad++)
        {
            var before = new StringBuilder("case,activity,timestamp,note\n");
            for (var i = 0; i < 40; i++) before.Append($"C{i / 3},Step {i % 3},2024-01-01T10:{i % 60:00}:00Z,plain\n");
            before.Append($"C14,Step 0,2024-01-01T11:00:00Z,{new string('x', pad)}\n");
            var record = "C15,Step 1,2024-01-01T11:30:00Z,\"first half\nsecond, half\"\n";
            var after = new StringBuilder();
            for (var i = 0; i < 60; i++) after.Append($"C{16 + (i / 3)},Step {i % 3},2024-01-02T10:{i % 60:00}:00Z,plain\n");
            // The bad row's time is as long as a good one's, so both files are cut at the same byte.
            var text = before + record + after + "C99,Step 0,yesterday-at-ten-ish,x\n";
            var bytes = Encoding.UTF8.GetBytes(text);
            var lineBreak = Encoding.UTF8.GetByteCount(before.ToString()) + record.IndexOf('\n', StringComparison.Ordinal);
            if (lineBreak + 1 != bytes.Length / 2) continue;

            // Then two parts give the one-pass log and the bad row on the same line (1 + 40 + 1 + 2 lines for C15 + 60 + 1)
            var good = Encoding.UTF8.GetBytes(before + record + after + "C99,Step 0,2024-01-03T10:00:00Z,x\n");
            var whole = SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(good), Encoding.UTF8, new CsvLogOptions { ReadParts = 1 }));
            ParallelCsvTests.AssertSame(whole, SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(good), Encoding.UTF8, new CsvLogOptions { ReadParts = 2 })));
            Assert.Equal("first half\nsecond, half", whole.FindAttribute("note")!.ValueOf(whole.CaseIds.Find("C15")));
            foreach (var parts in new[] { 1, 2 })
            {
                var error = CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Error!;
                Assert.Equal(105, error.Line);
            }

            return;
        }

        Assert.Fail("no padding put the quoted line break at the middle");
    }

    public static TheoryData<string> Odd => new()
    {
        "case,activity,timestamp\r\nA,Log,2024-01-01T10:00:00Z\r\n\r\nA,Close,2024-01-01T11:00:00Z\r\n",
        "case,activity,timestamp\rA,Log,2024-01-01T10:00:00Z\rA,Close,2024-01-01T11:00:00Z",
        "case;activity;timestamp;note\nA;\"Log\"ged;2024-01-01T10:00:00Z;\"a;b\"\nA;Close;2024-01-01T11:00:00Z;\"unclosed\nat the end",
        "case\tactivity\ttimestamp\tgroup\nA\tLog\t2024-01-01T10:00:00Z\tNULL\nA\tClose\t2024-01-01T11:00:00Z\t  Desk  \nB\tLog\t2024-01-01T12:00:00Z\t?\n",
        "\uFEFFcase,activity,timestamp,note\nA, Log ,2024-01-01T10:00:00Z,\"\"\"quoted\"\" café\"\nB,Log,01/02/2024 10:00,x\n",
        "case,activity,timestamp\nA,Log,05/01/2024 10:00\nA,Close,13/01/2024 10:00\nB,Log,02/03/2024 09:00\n",
        "case,activity,timestamp,resource\nA,Log,2024-01-01T10:00:00+02:00,Ann\nB,Log,2024-01-01T10:00:00.123456-05:30,Bob\nA,Close,2024-01-01T11:00:00Z,Ann\n",
    };

    [Theory]
    [MemberData(nameof(Odd))]
    public void Text_and_bytes_give_the_same_log_or_the_same_error(string text)
    {
        var fromText = CsvEventLogReader.Read(new StringReader(text));
        var fromBytes = CsvEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);

        Assert.Equal(fromText.Error?.Format("log.csv"), fromBytes.Error?.Format("log.csv"));
        if (fromText.Log is { } log) ParallelCsvTests.AssertSame(log, fromBytes.Log!);
    }

    [Fact]
    public void A_separator_of_several_bytes_is_refused_with_a_clear_error()
    {
        var result = CsvEventLogReader.Read(new StringReader("case§activity§timestamp\nA§x§2024-01-01T10:00:00Z\n"), new CsvLogOptions { Separator = '§' });

        Assert.Equal("log.csv:1: the separator '§' is not one byte in utf-8: use ',', ';', a tab or '|'", result.Error!.Format("log.csv"));
    }

    [Theory]
    [InlineData("2011-10-11 13:45:40.276000+02:00")]
    [InlineData("2024-03-05T10:20:30Z")]
    [InlineData("2024-03-05T10:20:30.1234567-0530")]
    [InlineData("2024-03-05 10:20")]
    [InlineData("2024-02-30T10:20:30Z")]
    [InlineData("2024-03-05T10:20:30+2")]
    [InlineData("2024-03-05T25:00:00Z")]
    [InlineData("2024-03-05")]
    [InlineData("2024-03-05T10:20:30.Z")]
    [InlineData("２０２４-03-05")]
    public void An_iso_timestamp_reads_the_same_from_bytes_as_from_text(string text)
    {
        var fromText = TimestampParser.TryIso(text.AsSpan(), out var textTicks);
        var fromBytes = TimestampParser.TryIso(Encoding.UTF8.GetBytes(text).AsSpan(), out var byteTicks);

        Assert.Equal(fromText, fromBytes);
        Assert.Equal(textTicks, byteTicks);
    }

    [Fact]
    public void An_iso_timestamp_with_a_fraction_of_hundreds_of_digits_reads_to_the_tick()
    {
        var text = "2024-03-05T10:20:30." + new string('1', 200) + "+01:00";

        Assert.True(TimestampParser.TryIso(text.AsSpan(), out var ticks));
        Assert.Equal(new DateTime(2024, 3, 5, 9, 20, 30, DateTimeKind.Utc).Ticks + 1_111_111, ticks);
        Assert.False(TimestampParser.TryIso((text + "é").AsSpan(), out _));
    }
}
