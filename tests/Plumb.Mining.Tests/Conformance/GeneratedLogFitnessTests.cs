namespace Plumb.Mining.Tests.Conformance;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>
/// A log that <c>plumb generate log</c> writes from the baseline with its default options fits: log fitness ≥ 0.98 and ≥ 90 %
/// of cases, in CSV for every procedure of the baseline, and in ServiceNow JSON for every procedure of a ticket table, its
/// steps' own fields (major_incident_state, known_error, approval) carried through the audit.
/// </summary>
public sealed class GeneratedLogFitnessTests
{
    private static readonly Handbook Baseline = BaselineLibrary.Load();

    /// <summary>Every baseline procedure whose steps name a table.</summary>
    public static TheoryData<string, string> MappedProcedures()
    {
        var data = new TheoryData<string, string>();
        foreach (var process in Baseline.Processes)
        {
            foreach (var procedure in process.Procedures.Where(p => p.Steps.Any(s => !string.IsNullOrWhiteSpace(s.Tool?.Table)))) data.Add(process.Id, procedure.Id);
        }

        return data;
    }

    /// <summary>
    /// Every baseline procedure on a ticket table (incident, problem, change_request, sc_req_item: a task table whose records a
    /// ServiceNow JSON export holds, the table the generator writes), computed from the baseline as <see cref="MappedProcedures"/>
    /// is. Major incident and known error are among them: their steps on major_incident_state and known_error are audited too.
    /// </summary>
    public static TheoryData<string, string> TicketProcedures()
    {
        var data = new TheoryData<string, string>();
        foreach (var process in Baseline.Processes)
        {
            foreach (var procedure in process.Procedures.Where(p => TableOf(p) is { } table && StateChoices.Knows(table))) data.Add(process.Id, procedure.Id);
        }

        return data;
    }

    [Fact]
    public void The_ticket_procedures_are_those_of_the_task_tables()
    {
        var procedures = TicketProcedures().Select(row => $"{row.Data.Item1}/{row.Data.Item2}").ToList();

        Assert.Contains("incident/major-incident", procedures);
        Assert.Contains("problem/known-error", procedures);
        Assert.Contains("service-request/fulfil-request", procedures);
        Assert.DoesNotContain("knowledge/create-article", procedures);
        Assert.DoesNotContain("service-configuration/update-configuration", procedures);
        Assert.Equal(8, procedures.Count);
    }

    [Theory]
    [MemberData(nameof(MappedProcedures))]
    public void A_csv_log_generated_with_the_default_options_fits(string process, string procedure) => AssertFits(process, procedure, "csv");

    [Theory]
    [MemberData(nameof(TicketProcedures))]
    public void A_servicenow_json_log_generated_with_the_default_options_fits(string process, string procedure) => AssertFits(process, procedure, "snow-json");

    [Fact]
    public void A_knowledge_log_is_of_kb_knowledge_articles_and_fits_in_servicenow_json_too()
    {
        // Articles are not task records: they were written as incidents, which nothing of the procedure maps onto.
        var procedure = Baseline.FindProcess("knowledge")!.Procedures[0];
        var generated = LogGenerator.Generate(Baseline, procedure, new GeneratorOptions { Cases = 50, Seed = 1 }).Log;
        var json = SharedData.AsSnowJson(generated);

        Assert.Equal("kb_knowledge", generated.Table);
        Assert.StartsWith("KB", json.CaseIds[0], StringComparison.Ordinal);
        Assert.Equal("kb_knowledge", json.Table);
        AssertFits("knowledge", procedure.Id, "snow-json");
    }

    [Fact]
    public void Each_rate_is_a_chance_per_case()
    {
        // An eight-step procedure: per step, a 3 % skip rate skipped a step in about a fifth of the cases.
        var procedure = Baseline.FindProcess("incident")!.Procedures[0];
        var options = GeneratorOptions.Clean(4000, 2) with { SkipRate = 0.05, ReassignRate = 0.1 };

        var injected = LogGenerator.Generate(Baseline, procedure, options).Injected;

        var skipped = injected.Where(d => d.Kind == "skipped").ToList();
        var reassigned = injected.Where(d => d.Kind == "reassigned").ToList();
        Assert.Equal(skipped.Count, skipped.Select(d => d.Case).Distinct().Count());
        Assert.Equal(reassigned.Count, reassigned.Select(d => d.Case).Distinct().Count());
        Assert.InRange(skipped.Count, 150, 250);
        Assert.InRange(reassigned.Count, 330, 470);
    }

    [Fact]
    public void A_reassignment_within_a_step_is_no_deviation_of_the_order()
    {
        // A resolver hands a misrouted incident to another group, which hands it back: the ticket stays In Progress.
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("""
            number,activity,timestamp,state,assignment_group
            INC1,New,2024-01-01T08:00:00Z,1,Service Desk
            INC1,In Progress,2024-01-01T09:00:00Z,2,Service Desk
            INC1,Reassigned,2024-01-01T09:30:00Z,2,Network
            INC1,Reassigned,2024-01-01T10:00:00Z,2,Service Desk
            INC1,Resolved,2024-01-01T11:00:00Z,6,Service Desk
            INC1,Closed,2024-01-04T11:00:00Z,7,Service Desk
            """)));
        var procedure = Baseline.FindProcess("incident")!.Procedures[0];

        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        Assert.Equal(1, result.Overall.FittingCases);
        Assert.Empty(result.Deviations);
    }

    [Fact]
    public void Two_steps_on_one_state_are_told_apart_by_the_step_before()
    {
        // Closed straight after Assess is an accepted risk, not a close without resolving.
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("""
            number,activity,timestamp,state
            PRB1,New,2024-01-01T08:00:00Z,101
            PRB1,Assess,2024-01-01T09:00:00Z,102
            PRB1,Closed,2024-01-02T09:00:00Z,107
            """)));
        var procedure = Baseline.FindProcess("problem")!.Procedures[0];

        var mapping = ProcedureMapping.Map(procedure, log);

        Assert.Equal("accept-risk", procedure.Steps[mapping.StepOfEvent[2]].Id);
        Assert.Equal(1, ConformanceChecker.CheckProcedure(log, procedure, mapping).Overall.FittingCases);
    }

    // The table a procedure's records are on: the first its steps name, as the generator takes it.
    private static string? TableOf(Procedure procedure) => procedure.Steps.Select(s => s.Tool?.Table).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

    private static void AssertFits(string processId, string procedureId, string format)
    {
        var procedure = Baseline.FindProcess(processId)!.Procedures.Single(p => p.Id == procedureId);
        var generated = LogGenerator.Generate(Baseline, procedure, new GeneratorOptions { Cases = 1000, Seed = 1 }).Log;
        var log = format == "csv" ? SharedData.AsCsv(generated) : SharedData.AsSnowJson(generated, SnowJsonEventLogReader.StepFieldsOf(procedure.Steps));

        var figures = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log)).Overall;

        Assert.True(figures.LogFitness >= 0.98, $"{processId}/{procedureId} {format}: log fitness {figures.LogFitness:F4}");
        Assert.True(figures.PercentFittingCases >= 90, $"{processId}/{procedureId} {format}: {figures.PercentFittingCases:F1} % of cases fit");
    }
}
