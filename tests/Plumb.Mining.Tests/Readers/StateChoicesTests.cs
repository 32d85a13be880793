namespace Plumb.Mining.Tests.Readers;

using System.Globalization;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Generation;
using Plumb.Mining.Kpis;
using Plumb.Mining.Readers;

/// <summary>State values are named by the choices of the ticket's own table (change, problem, ...), not incident's.</summary>
public sealed class StateChoicesTests
{
    private static readonly Handbook Baseline = BaselineLibrary.Load();

    [Theory]
    [InlineData("change", "CHG", "Scheduled")]
    [InlineData("problem", "PRB", "Root Cause Analysis")]
    public void Generated_logs_of_a_process_use_its_table_s_labels_and_case_prefix(string processId, string prefix, string expected)
    {
        var process = Baseline.FindProcess(processId)!;
        var procedure = process.Procedures.First(p => p.Steps.Any(s => s.Tool?.States.Count > 0));

        var log = LogGenerator.Generate(Baseline, procedure, GeneratorOptions.Clean(50, 4)).Log;

        Assert.All(log.CaseIds.Values, id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
        Assert.All(log.ActivityNames.Values, a => Assert.False(int.TryParse(a, CultureInfo.InvariantCulture, out _), $"raw state value '{a}' as activity"));
        if (procedure.Steps.Any(s => s.Tool?.States.Contains(StateChoices.For(procedure.Steps[0].Tool!.Table).ValueOf(expected)) == true))
        {
            Assert.Contains(expected, log.ActivityNames.Values);
        }
    }

    [Fact]
    public void Every_state_mapped_step_of_the_baseline_change_and_problem_processes_reads_as_a_label()
    {
        foreach (var process in new[] { Baseline.FindProcess("change")!, Baseline.FindProcess("problem")! })
        {
            foreach (var procedure in process.Procedures.Where(p => p.Steps.Any(s => s.Tool?.States.Count > 0)))
            {
                var log = LogGenerator.Generate(Baseline, procedure, GeneratorOptions.Clean(20, 1)).Log;
                Assert.All(log.ActivityNames.Values, a => Assert.False(int.TryParse(a, CultureInfo.InvariantCulture, out _), $"{procedure.Id}: '{a}'"));
            }
        }
    }

    [Fact]
    public void A_change_going_from_closed_back_to_implement_is_reopened()
    {
        const string csv = """
            number,sys_updated_on,state
            CHG0030001,2024-03-01T08:00:00Z,-5
            CHG0030001,2024-03-01T09:00:00Z,-4
            CHG0030001,2024-03-02T09:00:00Z,3
            CHG0030001,2024-03-03T09:00:00Z,-1
            CHG0030001,2024-03-04T09:00:00Z,3
            CHG0030002,2024-03-01T08:00:00Z,New
            CHG0030002,2024-03-01T10:00:00Z,Scheduled
            CHG0030002,2024-03-01T12:00:00Z,Closed
            """;

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));

        Assert.Equal("change_request", log.Table);
        Assert.Equal(["New", "Assess", "Closed", "Reopened", "Closed"], Trace(log, 0));
        Assert.Equal(["New", "Scheduled", "Closed"], Trace(log, 1));
    }

    [Fact]
    public void The_reopened_measure_counts_a_problem_leaving_closed_for_an_open_state()
    {
        // An event log with its own activity names: reopening shows only in the state column (107 Closed → 104 Fix in Progress).
        const string csv = """
            case,activity,timestamp,state
            P1,Log problem,2024-03-01T08:00:00Z,101
            P1,Close problem,2024-03-02T08:00:00Z,107
            P1,Fix again,2024-03-03T08:00:00Z,104
            P2,Log problem,2024-03-01T08:00:00Z,101
            P2,Resolve problem,2024-03-02T08:00:00Z,106
            P2,Close problem,2024-03-03T08:00:00Z,107
            """;
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));
        var process = new Process
        {
            Id = "problem",
            Procedures = [new Procedure { Id = "p", Steps = [new Step { Id = "close", Tool = new ToolMapping { Table = "problem", States = ["107"] } }] }],
        };

        var value = new MeasureEvaluator(log, process).Overall(MeasureParser.Parse("ratio where reopened = 1").Value!).Value;

        Assert.Equal(50, value!.Value, 9);
    }

    [Fact]
    public void Problem_state_updates_derive_labelled_activities_from_values_and_display_labels()
    {
        const string csv = """
            number,sys_updated_on,state,assignment_group
            PRB0040001,2024-03-01T08:00:00Z,101,Problem Mgmt
            PRB0040001,2024-03-01T09:00:00Z,Assess,Problem Mgmt
            PRB0040001,2024-03-02T09:00:00Z,103,Network
            PRB0040001,2024-03-03T09:00:00Z,Fix in Progress,Network
            PRB0040001,2024-03-04T09:00:00Z,106,Network
            PRB0040001,2024-03-05T09:00:00Z,107,Network
            """;

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv)));

        // Row 3 changes the state and the group: both are events.
        Assert.Equal(["New", "Assess", "Reassigned", "Root Cause Analysis", "Fix in Progress", "Resolved", "Closed"], Trace(log, 0));
        Assert.Equal(["101", "102", "103", "104", "106", "107"], log.StateValues.Values);
    }

    [Fact]
    public void The_table_option_names_states_when_case_ids_do_not_tell()
    {
        const string csv = """
            id,sys_updated_on,state
            1,2024-03-01T08:00:00Z,-5
            1,2024-03-01T09:00:00Z,-2
            """;

        var given = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv), new CsvLogOptions { Case = "id", Table = "change_request" }));
        var fallback = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv), new CsvLogOptions { Case = "id" }));

        Assert.Equal(["New", "Scheduled"], Trace(given, 0));
        Assert.Equal(["-5", "-2"], Trace(fallback, 0));
    }

    [Fact]
    public void A_problem_record_with_audit_rows_reads_with_problem_labels_and_reopening()
    {
        const string json = """
            {"result": [
              {"sys_id": "p1", "number": "PRB0040001", "sys_class_name": "problem", "state": "104", "opened_at": "2024-03-01 08:00:00"},
              {"documentkey": "p1", "fieldname": "state", "oldvalue": "101", "newvalue": "102", "sys_created_on": "2024-03-01 09:00:00", "user": "a"},
              {"documentkey": "p1", "fieldname": "state", "oldvalue": "102", "newvalue": "107", "sys_created_on": "2024-03-02 09:00:00", "user": "a"},
              {"documentkey": "p1", "fieldname": "state", "oldvalue": "107", "newvalue": "104", "sys_created_on": "2024-03-03 09:00:00", "user": "a"}
            ]}
            """;

        var log = SharedData.Succeeded(SnowJsonEventLogReader.Read([new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))]));

        Assert.Equal("problem", log.Table);
        Assert.Equal(["New", "Assess", "Closed", "Reopened"], Trace(log, 0));
    }

    [Theory]
    [InlineData("incident", "6", true)]
    [InlineData("incident", "2", false)]
    [InlineData("change_request", "3", true)]
    [InlineData("change_request", "6", false)]
    [InlineData("problem", "106", true)]
    [InlineData("problem", "7", false)]
    [InlineData("sc_req_item", "7", true)]
    [InlineData("unknown_table", "7", true)]
    public void Final_states_follow_the_table(string table, string value, bool final) =>
        Assert.Equal(final, StateChoices.For(table).IsFinal(value));

    [Fact]
    public void Case_id_prefixes_and_tables_come_from_one_map()
    {
        Assert.Equal("CHG", TicketNumbers.PrefixOf("change_request"));
        Assert.Equal("problem", TicketNumbers.TableOf("PRB0040001"));
        Assert.Equal("sc_req_item", TicketNumbers.TableOf("RITM0010001"));
        Assert.Null(TicketNumbers.TableOf("Case 12"));
        Assert.Null(TicketNumbers.TableOf("INCOMING"));
    }

    private static string[] Trace(EventLog log, int c) =>
        Enumerable.Range(log.Start(c), log.End(c) - log.Start(c)).Select(e => log.ActivityNames[log.Activities[e]]).ToArray();
}
