namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Handbook.Baseline;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

/// <summary>
/// Audited changes of the fields steps are mapped on (major_incident_state, known_error, approval) read from ServiceNow JSON:
/// events for the fields the mapping names, none for the other audited fields a real sys_audit export holds.
/// </summary>
public sealed class SnowStepFieldTests
{
    private const string Records = """{"result":[{"sys_id":"a1","number":"INC7","opened_at":"2024-01-01 09:00:00","state":"2","major_incident_state":"accepted"}]}""";

    // One row per changed field, as an instance audits them: the insert rows, then work notes and a description among the changes.
    private const string Audit = """
        {"result":[
          {"tablename":"incident","documentkey":"a1","fieldname":"state","oldvalue":"","newvalue":"1","sys_created_on":"2024-01-01 09:00:00","user":"ann"},
          {"tablename":"incident","documentkey":"a1","fieldname":"work_notes","oldvalue":"","newvalue":"called the user","sys_created_on":"2024-01-01 09:10:00","user":"ann"},
          {"tablename":"incident","documentkey":"a1","fieldname":"major_incident_state","oldvalue":"","newvalue":"proposed","sys_created_on":"2024-01-01 09:20:00","user":"ann"},
          {"tablename":"incident","documentkey":"a1","fieldname":"short_description","oldvalue":"mail slow","newvalue":"mail down","sys_created_on":"2024-01-01 09:25:00","user":"ann"},
          {"tablename":"incident","documentkey":"a1","fieldname":"major_incident_state","oldvalue":"proposed","newvalue":"accepted","sys_created_on":"2024-01-01 09:30:00","user":"bob"},
          {"tablename":"incident","documentkey":"a1","fieldname":"state","oldvalue":"1","newvalue":"2","sys_created_on":"2024-01-01 09:40:00","user":"bob"}
        ]}
        """;

    private static Stream Bytes(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_change_of_a_step_field_is_an_event_with_the_new_value_kept_per_event()
    {
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Records), Bytes(Audit)], stepFields: ["major_incident_state"]));

        Assert.Equal(["New", "major_incident_state = proposed", "major_incident_state = accepted", "In Progress"],
            log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        var field = log.FindEventAttribute("major_incident_state")!;
        Assert.Equal([null, "proposed", "accepted", null], Enumerable.Range(0, log.EventCount).Select(field.ValueOf));
        Assert.Equal("accepted", log.FindAttribute("major_incident_state")!.ValueOf(0));
    }

    [Fact]
    public void Audited_fields_no_step_names_give_no_event()
    {
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([Bytes(Records), Bytes(Audit)]));

        Assert.Equal(["New", "In Progress"], log.CaseActivities(0).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Empty(log.EventAttributes);
    }

    [Fact]
    public void The_step_fields_are_those_the_tool_mappings_name_besides_state_and_group()
    {
        var steps = BaselineLibrary.Load().Processes.SelectMany(p => p.Procedures).SelectMany(p => p.Steps);

        var fields = SnowJsonEventLogReader.StepFieldsOf(steps);

        Assert.Contains("major_incident_state", fields);
        Assert.Contains("known_error", fields);
        Assert.Contains("approval", fields);
        Assert.DoesNotContain("assignment_group", fields);
        Assert.DoesNotContain("state", fields);
    }

    [Fact]
    public void A_generated_major_incident_log_writes_one_audit_row_per_changed_step_field_and_maps_it_back()
    {
        // Given a major incident log generated from the baseline, written as ServiceNow JSON
        var baseline = BaselineLibrary.Load();
        var procedure = baseline.FindProcess("incident")!.Procedures.Single(p => p.Id == "major-incident");
        var generated = LogGenerator.Generate(baseline, procedure, GeneratorOptions.Clean(20, 3)).Log;
        using var stream = new MemoryStream();
        SnowJsonWriter.Write(generated, stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        // When it is read back with the procedure's step fields
        stream.Position = 0;
        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([stream], stepFields: SnowJsonEventLogReader.StepFieldsOf(procedure.Steps)));
        var mapping = ProcedureMapping.Map(procedure, log);

        // Then each case has its audit row of major_incident_state, the declaration maps, and every case fits
        Assert.Equal(20, json.Split("\"fieldname\": \"major_incident_state\"").Length - 1);
        Assert.Equal(20, mapping.StepOfEvent.Count(s => s >= 0 && procedure.Steps[s].Id == "declare-major"));
        Assert.Equal(20, ConformanceChecker.CheckProcedure(log, procedure, mapping).Overall.FittingCases);
    }
}
