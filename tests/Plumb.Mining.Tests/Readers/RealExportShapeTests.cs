namespace Plumb.Mining.Tests.Readers;

using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Exports shaped like real ones (a ServiceNow list export with one row per update, day-first dates and <c>?</c> markers;
/// the BPI Challenge 2014 files with table-prefixed columns): one date format per column, markers that are no values,
/// every change of an update kept, several files as one log.
/// </summary>
public sealed class RealExportShapeTests
{
    // A ServiceNow incident list export, one row per update, as a Dutch instance writes it: d/M/yyyy H:mm, legacy states,
    // "?" where the group was not set.
    private const string DayFirstExport =
        "number,incident_state,assignment_group,sys_updated_by,sys_updated_on,priority\n" +
        "INC0010001,New,?,anna,2/3/2016 9:05,3 - Moderate\n" +
        "INC0010001,Active,Service Desk,anna,2/3/2016 9:30,3 - Moderate\n" +
        "INC0010001,Awaiting User Info,Network,bert,13/3/2016 14:00,3 - Moderate\n" +
        "INC0010001,Resolved,Network,bert,14/3/2016 8:00,(empty)\n" +
        "INC0010002,New,Service Desk,anna,4/3/2016 10:00,NULL\n" +
        "INC0010002,Closed,Service Desk,anna,5/3/2016 10:00,\n";

    private static LogReadResult Read(string text, CsvLogOptions? options = null) => CsvEventLogReader.Read(new StringReader(text), options);

    private static DateTime Time(EventLog log, int e) => new(log.Timestamps[e], DateTimeKind.Utc);

    private static string[] Activities(EventLog log, int c) => log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToArray();

    [Fact]
    public void A_day_first_column_is_read_day_first_in_every_row_once_one_date_settles_it()
    {
        var log = SharedData.Succeeded(Read(DayFirstExport));

        // 2/3/2016 reads both ways; 13/3/2016 only day-first, so the whole column is day-first: 2 March, not 3 February.
        Assert.Equal(new DateTime(2016, 3, 2, 9, 5, 0, DateTimeKind.Utc), Time(log, 0));
        Assert.Equal(new DateTime(2016, 3, 4, 10, 0, 0, DateTimeKind.Utc), Time(log, log.Start(1)));
    }

    [Fact]
    public void A_month_first_column_is_read_month_first_in_every_row()
    {
        // Today's bug: 02/03/2016 was read day-first and 02/13/2016 month-first, in one file.
        var log = SharedData.Succeeded(Read("case,activity,timestamp\nA,Open,02/03/2016 10:00\nA,Close,02/13/2016 10:00\n"));

        Assert.Equal(new DateTime(2016, 2, 3, 10, 0, 0, DateTimeKind.Utc), Time(log, 0));
        Assert.Equal(new DateTime(2016, 2, 13, 10, 0, 0, DateTimeKind.Utc), Time(log, 1));
    }

    [Fact]
    public void A_column_that_reads_both_ways_throughout_is_refused_with_both_formats_named()
    {
        var result = Read("case,activity,timestamp\nA,Open,02/03/2016 10:00\nA,Close,04/03/2016 9:30\n");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Error!.Line);
        Assert.Equal("timestamp", result.Error.Field);
        Assert.Contains("dd/MM/yyyy HH:mm", result.Error.Message);
        Assert.Contains("MM/dd/yyyy HH:mm", result.Error.Message);
        Assert.Contains("--timestamp-format", result.Error.Message);
    }

    [Fact]
    public void A_column_with_dates_only_day_first_and_others_only_month_first_is_refused()
    {
        var result = Read("case,activity,timestamp\nA,Open,13/02/2016 10:00\nA,Close,02/14/2016 10:00\n");

        Assert.False(result.Succeeded);
        Assert.Contains("'13/02/2016 10:00' (line 2) is only dd/MM/yyyy HH:mm", result.Error!.Message);
        Assert.Contains("'02/14/2016 10:00' is only MM/dd/yyyy HH:mm", result.Error.Message);
    }

    [Fact]
    public void A_named_format_reads_an_ambiguous_column()
    {
        var log = SharedData.Succeeded(Read("case,activity,timestamp\nA,Open,02/03/2016 10:00 PM\n",
            new CsvLogOptions { TimestampFormat = "MM/dd/yyyy hh:mm tt" }));

        Assert.Equal(new DateTime(2016, 2, 3, 22, 0, 0, DateTimeKind.Utc), Time(log, 0));
    }

    [Fact]
    public void A_column_does_not_change_its_form_midway()
    {
        var result = Read("case,activity,timestamp\nA,Open,13/02/2016 10:00\nA,Close,2016-02-14T10:00:00Z\n");

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Error!.Line);
        Assert.Contains("in the column's form dd/MM/yyyy HH:mm", result.Error.Message);
    }

    [Fact]
    public void Missing_value_markers_are_not_values()
    {
        var log = SharedData.Succeeded(Read(DayFirstExport));

        Assert.Equal(-1, log.Groups![0]);
        Assert.DoesNotContain("?", log.GroupNames.Values);
        Assert.DoesNotContain("NULL", log.PriorityValues.Values);
        Assert.DoesNotContain("(empty)", log.PriorityValues.Values);
    }

    [Fact]
    public void Further_markers_can_be_named()
    {
        var text = "case,activity,timestamp,org:group\nA,Open,2016-02-14T10:00:00Z,-\nA,Close,2016-02-14T11:00:00Z,Desk\n";

        var plain = SharedData.Succeeded(Read(text));
        var told = SharedData.Succeeded(Read(text, new CsvLogOptions { MissingValues = ["-"] }));

        Assert.Contains("-", plain.GroupNames.Values);
        Assert.Equal(-1, told.Groups![0]);
    }

    [Fact]
    public void An_update_that_changes_state_and_group_gives_both_events()
    {
        var log = SharedData.Succeeded(Read(DayFirstExport));

        // Row 3 moves the ticket to Network and to Awaiting User Info at once: the reassignment is no longer dropped.
        Assert.Equal(["New", "Active", "Reassigned", "Awaiting User Info", "Resolved"], Activities(log, 0));
        Assert.Equal(["New", "Closed"], Activities(log, 1));
    }

    // Detail_Incident_Activity of the BPI Challenge 2014 (Rabobank) as a joined export writes it: table-prefixed columns,
    // ';'-separated, day-first dates.
    private const string Bpic2014Activity =
        "Detail Incident Activity.Incident ID;Detail Incident Activity.DateStamp;Detail Incident Activity.IncidentActivity_Number;" +
        "Detail Incident Activity.IncidentActivity_Type;Detail Incident Activity.Assignment Group;Detail Incident Activity.KM number;" +
        "Detail Incident Activity.Interaction ID\n" +
        "IM0000004;07-01-2013 08:17:17;001A3689763;Open;TEAM0001;KM0000553;SD0000007\n" +
        "IM0000004;07-01-2013 08:17:17;001A3689764;Reassignment;TEAM0002;KM0000553;SD0000007\n" +
        "IM0000004;04-11-2013 13:41:30;001A5852941;Update from customer;TEAM0002;KM0000553;SD0000007\n" +
        "IM0000004;14-11-2013 09:00:00;001A5852942;Closed;TEAM0002;KM0000553;SD0000007\n" +
        "IM0000005;02-12-2013 10:00:00;001A5852950;Open;?;KM0000611;SD0000009\n";

    [Fact]
    public void Prefixed_columns_are_found()
    {
        var log = SharedData.Succeeded(Read(Bpic2014Activity));

        Assert.Equal(["IM0000004", "IM0000005"], log.CaseIds.Values);
        Assert.Equal(["Open", "Reassignment", "Update from customer", "Closed"], Activities(log, 0));
        Assert.Equal(new DateTime(2013, 1, 7, 8, 17, 17, DateTimeKind.Utc), Time(log, 0));
        Assert.Equal(new DateTime(2013, 12, 2, 10, 0, 0, DateTimeKind.Utc), Time(log, log.Start(1)));
        Assert.Equal("TEAM0002", log.GroupNames[log.Groups![1]]);
        Assert.Equal(-1, log.Groups[log.Start(1)]);
        Assert.Contains("group 'Detail Incident Activity.Assignment Group'", log.Notes.GuessedColumns);
    }

    [Fact]
    public void Every_column_not_found_is_named_in_one_error_with_its_candidates()
    {
        var result = Read("Ticket Ref;Logged;What happened\nA;2016-02-14T10:00:00Z;x\n");

        Assert.False(result.Succeeded);
        var message = result.Error!.Message;
        Assert.Contains("no case column found (name it with --case, candidates: 'Ticket Ref')", message);
        Assert.Contains("no activity column found (name it with --activity)", message);
        Assert.Contains("no timestamp column found (name it with --timestamp)", message);
        Assert.Contains("(columns: Ticket Ref, Logged, What happened)", message);
    }

    [Fact]
    public void Several_logs_of_one_organisation_read_as_one()
    {
        // Detail_Incident_Activity (events) and Detail_Change (one row per change, its own id) of the 2014 challenge.
        var incidents = SharedData.Succeeded(Read(Bpic2014Activity));
        var changes = SharedData.Succeeded(Read(
            "Change ID;Change Type;Actual Start;Related Incident\nC00000001;Change Component;15-01-2013 08:00:00;IM0000004\n",
            new CsvLogOptions { Activity = "Change Type", Timestamp = "Actual Start", Table = "change_request" }));

        var log = EventLogMerge.Merge([incidents, changes]);

        Assert.Equal(3, log.CaseCount);
        Assert.Equal(incidents.EventCount + changes.EventCount, log.EventCount);
        Assert.Equal("change_request", log.FindAttribute("table")!.ValueOf(2));
        Assert.Equal("IM0000004", log.FindAttribute("Related Incident")!.ValueOf(2));
    }

    // Detail_Incident of the 2014 challenge: one row per incident, its last status, no activity; dates day-first.
    private const string Bpic2014Incidents =
        "CI Name (aff);Incident ID;Status;Impact;Urgency;Priority;Category;# Reassignments;Open Time;Reopen Time;Resolved Time;Close Time;" +
        "Closure Code;Related Interaction\n" +
        "SUB000508;IM0000004;Closed;4;4;4;incident;26;05-02-2012 13:32;;04-11-2013 13:50;04-11-2013 13:51;Other;SD0000007\n" +
        "WBA000124;IM0000005;Closed;3;3;3;incident;33;12-03-2012 15:44;02-12-2013 12:31;02-12-2013 12:09;02-12-2013 12:31;Software;SD0000011\n" +
        "DTA000024;IM0000006;Open;3;3;3;request for information;3;29-03-2012 12:36;?;;;;#MULTIVALUE\n";

    [Fact]
    public void A_file_of_one_row_per_record_gets_its_events_from_the_open_resolve_and_close_dates()
    {
        var log = SharedData.Succeeded(Read(Bpic2014Incidents));

        Assert.Equal(["IM0000004", "IM0000005", "IM0000006"], log.CaseIds.Values);
        Assert.Equal(["New", "Resolved", "Closed"], Activities(log, 0));
        Assert.Equal(new DateTime(2012, 2, 5, 13, 32, 0, DateTimeKind.Utc), Time(log, 0));
        Assert.Equal(new DateTime(2013, 11, 4, 13, 51, 0, DateTimeKind.Utc), Time(log, 2));

        // Resolved at 12:09, reopened at 12:31 and closed in the same minute: the events in time order.
        Assert.Equal(["New", "Resolved", "Reopened", "Closed"], Activities(log, 1));
        Assert.Equal(["New"], Activities(log, 2));
        Assert.Equal(["1", "6", "7"], Enumerable.Range(0, 3).Select(e => log.StateValues[log.States![e]]));
        Assert.Equal("26", log.FindAttribute("# Reassignments")!.ValueOf(0));
        Assert.Equal("Open", log.FindAttribute("Status")!.ValueOf(2));
        Assert.Equal("04-11-2013 13:50", log.FindAttribute("Resolved Time")!.ValueOf(0));
        Assert.Contains("one row per record, events from 'Open Time', 'Reopen Time', 'Resolved Time', 'Close Time'", log.Notes.GuessedColumns);
    }

    [Fact]
    public void A_file_of_records_without_an_open_date_is_refused_naming_the_columns_looked_for()
    {
        var result = Read("Incident ID;Status;Logged\nIM0000004;Closed;05-02-2012 13:32\n");

        Assert.False(result.Succeeded);
        Assert.Contains("nor an open date for one row per record (looked for 'opened_at', 'open time'", result.Error!.Message);
    }

    [Fact]
    public void A_record_date_that_is_no_timestamp_names_its_line_and_column()
    {
        var result = Read(Bpic2014Incidents.Replace("04-11-2013 13:50", "soon", StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Error!.Line);
        Assert.Equal("Resolved Time", result.Error.Field);
    }
}
