namespace Plumb.Mining.Tests.Conformance;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>
/// The baseline's procedures replay from what the tool records: steps the tool cannot show apart are silent, so a log the
/// generator writes from the baseline fits in CSV and in ServiceNow JSON (where only state, group and priority changes survive).
/// </summary>
public sealed class ObservableStepTests
{
    private static readonly Handbook Baseline = BaselineLibrary.Load();

    private static Procedure Incident => Baseline.FindProcess("incident")!.Procedures[0];

    private static FitnessFigures Replay(EventLog log) =>
        ConformanceChecker.CheckProcedure(log, Incident, ProcedureMapping.Map(Incident, log)).Overall;

    [Theory]
    [InlineData("csv")]
    [InlineData("snow-json")]
    public void A_log_generated_from_the_baseline_fits_in_csv_and_in_servicenow_json(string format)
    {
        var generated = LogGenerator.Generate(Baseline, Incident, GeneratorOptions.Clean(400, 11)).Log;
        var log = format == "csv" ? SharedData.AsCsv(generated) : SharedData.AsSnowJson(generated);

        var figures = Replay(log);

        Assert.True(figures.LogFitness >= 0.98, $"{format}: log fitness {figures.LogFitness:F4}");
        Assert.True(figures.PercentFittingCases >= 90, $"{format}: {figures.PercentFittingCases:F1} % of cases fit");
    }

    [Fact]
    public void With_the_generators_usual_deviations_the_json_log_still_replays_as_well_as_the_csv()
    {
        // Reassignments, skips, swaps and reopenings injected at the usual rates: before, JSON fitted 0 % of its cases.
        var generated = LogGenerator.Generate(Baseline, Incident, new GeneratorOptions { Cases = 400, Seed = 11 }).Log;

        var csv = Replay(SharedData.AsCsv(generated));
        var json = Replay(SharedData.AsSnowJson(generated));

        Assert.True(json.LogFitness >= 0.97, $"json: {json.LogFitness:F4}");
        Assert.True(json.PercentFittingCases >= csv.PercentFittingCases - 5, $"json {json.PercentFittingCases:F1} % vs csv {csv.PercentFittingCases:F1} %");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("snow-json")]
    public void Every_case_that_does_not_fit_a_generated_log_carries_an_injected_deviation(string format)
    {
        // Given a log generated with the generator's default deviations, and its own record of what it injected per case
        var generated = LogGenerator.Generate(Baseline, Incident, new GeneratorOptions { Cases = 1000, Seed = 1 });
        var log = format == "csv" ? SharedData.AsCsv(generated.Log) : SharedData.AsSnowJson(generated.Log);
        var injected = generated.Injected.GroupBy(d => d.Case).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(d => $"{d.Kind} {d.Step}")));

        // When it is replayed on the procedure it was generated from
        var result = ConformanceChecker.CheckProcedure(log, Incident, ProcedureMapping.Map(Incident, log));

        // Then no case is reported as deviating without a deviation having been put into it
        var falseNonFits = result.PerCase.Where(c => !c.Fits && !injected.ContainsKey(c.Case))
            .Select(c => $"{c.Case}: {string.Join(", ", c.Deviations.Select(d => $"{d.Kind} {d.Step}"))}").ToList();
        Assert.True(falseNonFits.Count == 0, $"{format}: {falseNonFits.Count} cases do not fit without an injected deviation: {string.Join("; ", falseNonFits.Take(10))}");
    }

    [Fact]
    public void The_steps_the_state_history_cannot_show_apart_are_marked_and_silent()
    {
        var categorise = Incident.Steps.Single(s => s.Id == "categorise");
        Assert.False(categorise.Tool!.Observable, "categorising leaves the incident New, like logging it");
        Assert.False(Incident.Steps.Single(s => s.Id == "hand-to-major").Tool!.Observable);

        var net = ProcedureNet.Build(Incident);
        Assert.DoesNotContain("categorise", new TokenReplayer(net).Labels.Keys);
        Assert.Contains("log", new TokenReplayer(net).Labels.Keys);
    }

    [Fact]
    public void A_major_incident_handed_over_fits_though_neither_categorising_nor_the_handover_is_seen()
    {
        // The incident is logged and then handled as major: the export shows only New.
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(
            "number,activity,timestamp,state\nINC1,New,2024-01-01T08:00:00Z,1\n")));

        var figures = Replay(log);

        Assert.Equal(1, figures.FittingCases);
        Assert.DoesNotContain(ConformanceChecker.CheckProcedure(log, Incident, ProcedureMapping.Map(Incident, log)).Deviations,
            d => d.Kind == DeviationKind.Skipped);
    }
}
