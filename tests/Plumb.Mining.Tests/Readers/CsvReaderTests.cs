namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>CSV reading: columns, timestamp formats, ServiceNow exports, and bad input (clear errors or documented handling).</summary>
public sealed class CsvReaderTests
{
    private static LogReadResult Read(string text, CsvLogOptions? options = null) => CsvEventLogReader.Read(new StringReader(text), options);

    [Fact]
    public void Reads_quoted_fields_with_separators_quotes_and_line_breaks()
    {
        var log = SharedData.Succeeded(Read("case,activity,timestamp,note\r\nA,\"Log, then \"\"check\"\"\",2024-01-01T10:00:00Z,\"two\r\nlines\"\r\nA,Close,2024-01-01T11:00:00Z,x\r\n"));

        Assert.Equal(2, log.EventCount);
        Assert.Equal("Log, then \"check\"", log.ActivityNames[log.Activities[0]]);
    }

    [Theory]
    [InlineData("2024-03-05T10:20:30Z")]
    [InlineData("2024-03-05 11:20:30+01:00")]
    [InlineData("2024-03-05T10:20:30.000+0000")]
    [InlineData("2024-03-05 10:20:30")]
    [InlineData("05-03-2024 10:20:30")]
    [InlineData("1709634030")]
    [InlineData("1709634030000")]
    public void Reads_several_timestamp_forms_as_the_same_instant(string text)
    {
        Assert.True(new TimestampParser().TryParse(text, out var ticks));
        Assert.Equal(new DateTime(2024, 3, 5, 10, 20, 30, DateTimeKind.Utc).Ticks, ticks);
    }

    [Fact]
    public void An_explicit_timestamp_format_is_used()
    {
        var log = SharedData.Succeeded(Read("case,activity,when\nA,x,03/05/2024 10:20\n", new CsvLogOptions { Timestamp = "when", TimestampFormat = "MM/dd/yyyy HH:mm" }));
        Assert.Equal(new DateTime(2024, 3, 5, 10, 20, 0, DateTimeKind.Utc).Ticks, log.Timestamps[0]);
    }

    [Fact]
    public void An_unparseable_timestamp_is_reported_with_its_line_and_field()
    {
        var result = Read("case,activity,timestamp\nA,Log,2024-01-01T10:00:00Z\nA,Close,yesterday\n");

        Assert.False(result.Succeeded);
        Assert.Equal("log.csv:3: field 'timestamp': 'yesterday' is not a timestamp (give --timestamp-format)", result.Error!.Format("log.csv"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_field_past_the_limit_is_refused_with_its_line_and_column_and_one_at_the_limit_is_read(bool quoted)
    {
        // Given a note of 1,048,576 characters on line 2 and one of 3,000,000 on line 3 (a broken quote would make such a field)
        string Field(int length) => quoted ? "\"" + new string('x', length) + "\"" : new string('x', length);
        var atLimit = $"case,activity,timestamp,note\nA,Log,2024-01-01T10:00:00Z,{Field(FieldLimit.MaxCharacters)}\n";
        var text = atLimit + $"A,Close,2024-01-01T11:00:00Z,{Field(3_000_000)}\n";

        // When read from a reader and from seekable bytes (as the CLI reads a file)
        var fromReader = Read(text);
        var fromBytes = CsvEventLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);

        // Then both refuse line 3's note, naming the limit; the field at the limit alone is read
        foreach (var result in new[] { fromReader, fromBytes })
        {
            Assert.False(result.Succeeded);
            Assert.Equal(3, result.Error!.Line);
            Assert.Equal("note", result.Error.Field);
            Assert.Contains("longer than the limit of 1,048,576 characters per field", result.Error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(FieldLimit.MaxCharacters, Read(atLimit).Log!.FindAttribute("note")!.ValueOf(0)!.Length);
    }

    [Fact]
    public void A_malformed_row_is_reported_or_skipped_when_asked()
    {
        const string text = "case,activity,timestamp\nA,Log,2024-01-01T10:00:00Z\nB\nA,Close,2024-01-01T11:00:00Z\n";

        var strict = Read(text);
        var lenient = Read(text, new CsvLogOptions { SkipBadRows = true });

        Assert.Equal(3, strict.Error!.Line);
        Assert.Contains("expected 3 fields, found 1", strict.Error.Message);
        Assert.Equal(2, lenient.Log!.EventCount);
        Assert.Equal(1, lenient.Log.Notes.SkippedRows);
        Assert.Equal(3, lenient.Log.Notes.Problems.Single().Line);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_log()
    {
        Assert.Contains("empty", Read("").Error!.Message);
        Assert.Equal(0, SharedData.Succeeded(Read("case,activity,timestamp\n")).CaseCount);
    }

    [Fact]
    public void A_missing_column_names_the_option_and_lists_the_columns()
    {
        var error = Read("id,what\n1,x\n").Error!;
        Assert.Equal("no case column found (name it with --case, candidates: 'id'); no timestamp column found (name it with --timestamp), "
            + "nor an open date for one row per record (looked for 'opened_at', 'open time', 'open time (first touch)', 'change record open time', "
            + "'open date', 'opened', 'created'); no activity column found (name it with --activity) (columns: id, what)", error.Message);
    }

    [Fact]
    public void Unsorted_events_are_sorted_per_case_stably_and_counted()
    {
        var log = SharedData.Succeeded(Read("case,activity,timestamp\nA,c,2024-01-01T12:00:00Z\nB,x,2024-01-01T09:00:00Z\nA,a,2024-01-01T10:00:00Z\nA,b1,2024-01-01T11:00:00Z\nA,b2,2024-01-01T11:00:00Z\n"));

        Assert.Equal(["a", "b1", "b2", "c"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal(1, log.Notes.UnsortedCases);
    }

    [Fact]
    public void Duplicate_events_are_kept_and_counted_or_dropped()
    {
        const string text = "case,activity,timestamp\nA,a,2024-01-01T10:00:00Z\nA,a,2024-01-01T10:00:00Z\nA,b,2024-01-01T11:00:00Z\n";

        var kept = SharedData.Succeeded(Read(text));
        var dropped = SharedData.Succeeded(Read(text, new CsvLogOptions { DropDuplicates = true }));

        Assert.Equal((3, 1), (kept.EventCount, kept.Notes.DuplicateEvents));
        Assert.Equal((2, 1), (dropped.EventCount, dropped.Notes.DuplicateEvents));
        Assert.Equal([0, 2], dropped.CaseOffsets);
    }

    [Fact]
    public void A_servicenow_export_with_one_row_per_update_gives_events_for_changes_of_state_group_and_priority()
    {
        // Given rows as a list export of incident history: every row is the record after an update.
        const string text = """
            number,incident_state,assignment_group,priority,sys_updated_by,sys_updated_on
            INC1,New,Service Desk,3,ann,2024-01-01 09:00:00
            INC1,New,Service Desk,3,ann,2024-01-01 09:05:00
            INC1,In Progress,Service Desk,3,bob,2024-01-01 10:00:00
            INC1,In Progress,Network,3,bob,2024-01-01 11:00:00
            INC1,In Progress,Network,2,cat,2024-01-01 11:30:00
            INC1,Resolved,Network,2,cat,2024-01-01 12:00:00
            INC1,In Progress,Network,2,dan,2024-01-02 09:00:00
            INC1,Closed,Network,2,dan,2024-01-03 09:00:00
            """;

        var log = SharedData.Succeeded(Read(text));

        Assert.Equal(["New", "In Progress", "Reassigned", "Priority changed", "Resolved", "Reopened", "Closed"],
            log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Equal("6", log.StateValues[log.States![4]]);
        Assert.Equal("2", log.FindAttribute("priority")!.ValueOf(0));
    }

    [Fact]
    public void A_large_input_streams_through_a_reader_that_cannot_seek()
    {
        // 200,000 rows made on the fly: the reader never sees the whole text at once.
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new GeneratedCsv(200_000)));

        Assert.Equal(200_000, log.EventCount);
        Assert.Equal(20_000, log.CaseCount);
    }

    /// <summary>A TextReader producing rows as they are read.</summary>
    private sealed class GeneratedCsv(int rows) : TextReader
    {
        private string _pending = "case,activity,timestamp\n";
        private int _row;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pending.Length == 0 && _row < rows)
            {
                _pending = $"C{_row / 10},step {_row % 10},{new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(_row):yyyy-MM-ddTHH:mm:ssZ}\n";
                _row++;
            }

            var n = Math.Min(count, _pending.Length);
            _pending.CopyTo(0, buffer, index, n);
            _pending = _pending[n..];
            return n;
        }

        public override string? ReadLine()
        {
            var line = _pending.TrimEnd('\n');
            _pending = "";
            return line;
        }
    }

    [Fact]
    public void A_status_and_sub_status_pair_is_guessed_as_the_activity_and_the_guess_is_noted()
    {
        const string csv = """
            Problem Number;Problem Change Date+Time;Problem Sub Status;Problem Status
            1-1;2012-01-01T10:00:00+01:00;Awaiting Assignment;Queued
            1-1;2012-01-02T10:00:00+01:00;In Progress;Accepted
            """;

        var log = SharedData.Succeeded(Read(csv));

        Assert.Equal(["Queued-Awaiting Assignment", "Accepted-In Progress"], log.ActivityNames.Values);
        Assert.Null(log.States);
        Assert.Contains("activity 'Problem Status'+'Problem Sub Status'", log.Notes.GuessedColumns, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number,sys_updated_on,state,activity", "activity 'activity'")]
    [InlineData("number,sys_updated_on,incident_state,status", "state (rows are record updates) 'incident_state'")]
    [InlineData("case:concept:name,time:timestamp,concept:name,Status,Sub Status", "activity 'concept:name'")]
    public void An_activity_column_wins_over_status_and_a_lone_state_makes_record_updates(string header, string guessed)
    {
        var log = SharedData.Succeeded(Read(header + "\nINC1,2024-01-01T00:00:00Z,1,2,3\n"));

        Assert.Contains(guessed, log.Notes.GuessedColumns, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_columns_are_not_reported_as_guessed()
    {
        var log = SharedData.Succeeded(Read("a,b,c\nX,2024-01-01T00:00:00Z,Go\n", new CsvLogOptions { Case = "a", Timestamp = "b", Activity = "c" }));

        Assert.Null(log.Notes.GuessedColumns);
    }
}
