namespace Plumb.Mining.Tests.Conformance;

using System.Text.Json;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;
using Plumb.Mining.Reporting;

/// <summary>
/// No fit from nothing: a log none of whose events shows a step the replay checks (records of another table, activities no
/// mapping names) gets "not measurable" with the reason, never "100 % of cases fit".
/// </summary>
public sealed class NotMeasurableTests
{
    private static readonly Handbook Baseline = BaselineLibrary.Load();

    private static Procedure ProcedureOf(string process, string procedure) => Baseline.FindProcess(process)!.Procedures.Single(p => p.Id == procedure);

    private static Plumb.Mining.EventLogs.EventLog IncidentLog() =>
        LogGenerator.Generate(Baseline, ProcedureOf("incident", "handle-incident"), new GeneratorOptions { Cases = 200, Seed = 4 }).Log;

    [Fact]
    public void A_knowledge_procedure_on_an_incident_log_is_not_measurable_naming_the_tables()
    {
        var log = SharedData.AsCsv(IncidentLog());
        var procedure = ProcedureOf("knowledge", "create-article");

        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        Assert.False(result.Measurable);
        Assert.StartsWith("not measurable: no event of the log maps onto procedure create-article", result.NotMeasurable, StringComparison.Ordinal);
        Assert.Contains("incident records", result.NotMeasurable, StringComparison.Ordinal);
        Assert.Contains("kb_knowledge", result.NotMeasurable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_whose_activities_no_step_names_is_not_measurable()
    {
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("""
            number,activity,timestamp
            INC1,Ticket opened,2024-01-01T08:00:00Z
            INC1,Ticket done,2024-01-01T09:00:00Z
            """)));
        var procedure = ProcedureOf("incident", "handle-incident");

        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        Assert.StartsWith("not measurable: no event of the log maps onto procedure handle-incident", result.NotMeasurable, StringComparison.Ordinal);
        Assert.Contains("plumb map", result.NotMeasurable, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_of_steps_the_tool_cannot_show_apart_alone_are_not_measurable()
    {
        // Priority set is the categorise step, observable: false: mapped, but nothing for replay to check.
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("""
            number,activity,timestamp
            INC1,Priority set,2024-01-01T08:00:00Z
            """)));
        var procedure = ProcedureOf("incident", "handle-incident");

        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        Assert.Contains("cannot tell apart", result.NotMeasurable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_shows_the_steps_is_measurable()
    {
        var log = SharedData.AsCsv(IncidentLog());
        var procedure = ProcedureOf("incident", "handle-incident");

        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        Assert.True(result.Measurable);
        Assert.Null(result.NotMeasurable);
    }

    [Fact]
    public void The_report_of_a_knowledge_process_on_incidents_says_not_measurable_instead_of_a_fitness()
    {
        // Given the ServiceNow JSON of incidents: its cases are incident records, none of kb_knowledge
        var log = SharedData.AsSnowJson(IncidentLog());
        var knowledge = Baseline.FindProcess("knowledge")!;

        var report = AnalysisReport.Build(log, knowledge, knowledge.Procedures[0]);
        var html = new StringWriter();
        HtmlReport.Write(report, html);
        var conformance = JsonDocument.Parse(ReportJson.Serialize(report)).RootElement.GetProperty("conformance");

        Assert.Contains("Not measurable: no case of the log is a record of kb_knowledge", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fitting cases", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("log fitness", html.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("not measurable", conformance.GetProperty("notMeasurable").GetString(), StringComparison.Ordinal);
        Assert.False(conformance.TryGetProperty("overall", out _));
        Assert.Equal("no event to map (the log holds no case of the procedure's tables)", report.Mapping.Describe());
        Assert.Equal(0, report.Mapping.EventPercent);
        Assert.False(conformance.TryGetProperty("perCase", out _));
    }

    [Fact]
    public void The_json_report_of_a_measurable_log_keeps_its_figures()
    {
        var log = SharedData.AsCsv(IncidentLog());
        var incident = Baseline.FindProcess("incident")!;

        var conformance = JsonDocument.Parse(ReportJson.Serialize(AnalysisReport.Build(log, incident, incident.Procedures[0]))).RootElement.GetProperty("conformance");

        Assert.Equal(JsonValueKind.Null, conformance.GetProperty("notMeasurable").ValueKind);
        Assert.True(conformance.GetProperty("overall").GetProperty("logFitness").GetDouble() > 0.9);
    }
}
