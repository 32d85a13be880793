namespace Plumb.Mining.Tests.Conformance;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>
/// A log that <c>plumb generate log</c> writes from the baseline with its default options fits: log fitness ≥ 0.98 and ≥ 90 %
/// of cases, in CSV for every procedure of the baseline, and in ServiceNow JSON for the procedures of the ticket tables whose
/// state and group the audit carries.
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
    /// The procedures of the ticket tables (incident, problem, change_request, sc_req_item) whose steps the state field shows.
    /// Not major-incident nor known-error: their steps live on major_incident_state and known_error, which a state and group
    /// audit does not carry (every step unseen, nothing to replay).
    /// </summary>
    public static TheoryData<string, string> TicketProcedures() => new()
    {
        { "incident", "handle-incident" }, { "problem", "investigate-problem" }, { "change", "standard-change" },
        { "change", "normal-change" }, { "change", "emergency-change" }, { "service-request", "fulfil-request" },
    };

    [Theory]
    [MemberData(nameof(MappedProcedures))]
    public void A_csv_log_generated_with_the_default_options_fits(string process, string procedure) => AssertFits(process, procedure, "csv");

    [Theory]
    [MemberData(nameof(TicketProcedures))]
    public void A_servicenow_json_log_generated_with_the_default_options_fits(string process, string procedure) => AssertFits(process, procedure, "snow-json");

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

    private static void AssertFits(string processId, string procedureId, string format)
    {
        var procedure = Baseline.FindProcess(processId)!.Procedures.Single(p => p.Id == procedureId);
        var generated = LogGenerator.Generate(Baseline, procedure, new GeneratorOptions { Cases = 1000, Seed = 1 }).Log;
        var log = format == "csv" ? SharedData.AsCsv(generated) : SharedData.AsSnowJson(generated);

        var figures = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log)).Overall;

        Assert.True(figures.LogFitness >= 0.98, $"{processId}/{procedureId} {format}: log fitness {figures.LogFitness:F4}");
        Assert.True(figures.PercentFittingCases >= 90, $"{processId}/{procedureId} {format}: {figures.PercentFittingCases:F1} % of cases fit");
    }
}
