namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// CSV exports of one row per record update (<c>--record-updates</c>) with a step's own field as a column: its changes are
/// events as they are from ServiceNow JSON audit rows, and fields kept per event go with the events derived from their row.
/// </summary>
public sealed class RecordUpdateStepFieldTests
{
    // An incident proposed, then accepted as a major incident while it moves to In Progress, then resolved; ST level per row.
    private const string Export = """
        number,sys_updated_on,sys_updated_by,incident_state,assignment_group,major_incident_state,level
        INC0001,2024-01-01 09:00:00,ann,1,Service Desk,,1
        INC0001,2024-01-01 09:10:00,ann,1,Service Desk,,1
        INC0001,2024-01-01 09:20:00,ann,1,Service Desk,proposed,1
        INC0001,2024-01-01 09:30:00,bob,2,Network,accepted,2
        INC0001,2024-01-01 10:00:00,bob,6,Network,accepted,2
        INC0001,2024-01-01 10:05:00,bob,6,Network,?,2
        """;

    private static Plumb.Mining.EventLogs.EventLog Read(CsvLogOptions options) =>
        SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Export), options));

    private static string[] Activities(Plumb.Mining.EventLogs.EventLog log) =>
        log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]).ToArray();

    [Fact]
    public void A_change_of_a_step_field_is_an_event_after_the_state_change_of_the_same_update()
    {
        var log = Read(new CsvLogOptions { RecordUpdates = true, StepFields = ["major_incident_state"] });

        Assert.Equal(["New", "major_incident_state = proposed", "Reassigned", "In Progress", "major_incident_state = accepted", "Resolved"], Activities(log));
        var field = log.FindEventAttribute("major_incident_state")!;
        Assert.Equal("accepted", field.ValueOf(4));
        Assert.Null(field.ValueOf(0));
    }

    [Fact]
    public void Without_step_fields_the_column_gives_no_event()
    {
        var log = Read(new CsvLogOptions { RecordUpdates = true });

        Assert.Equal(["New", "Reassigned", "In Progress", "Resolved"], Activities(log));
        Assert.Empty(log.EventAttributes);
    }

    [Fact]
    public void A_field_kept_per_event_goes_with_each_event_derived_from_its_row()
    {
        var log = Read(new CsvLogOptions { RecordUpdates = true, EventAttributes = ["level"] });

        var level = log.FindEventAttribute("level")!;
        Assert.Equal(["1", "2", "2", "2"], Enumerable.Range(0, log.EventCount).Select(level.ValueOf));
    }

    [Fact]
    public void A_file_asked_to_be_read_in_parts_gives_the_same_field_events()
    {
        var rows = Export.Split('\n');
        var many = string.Join('\n', [rows[0], .. Enumerable.Range(0, 400).SelectMany(i => rows.Skip(1).Select(r => r.Replace("INC0001", $"INC{i:D4}")))]);
        var bytes = Encoding.UTF8.GetBytes(many);
        Plumb.Mining.EventLogs.EventLog ReadIn(int parts) => SharedData.Succeeded(CsvEventLogReader.Read(ParallelCsvTests.Visible(bytes), Encoding.UTF8,
            new CsvLogOptions { RecordUpdates = true, StepFields = ["major_incident_state"], ReadParts = parts }));

        var whole = ReadIn(1);
        var inParts = ReadIn(3);

        Assert.Equal(400 * 6, whole.EventCount);
        Assert.Equal(whole.Activities.Select(a => whole.ActivityNames[a]), inParts.Activities.Select(a => inParts.ActivityNames[a]));
        Assert.Equal(whole.Timestamps, inParts.Timestamps);
    }
}
