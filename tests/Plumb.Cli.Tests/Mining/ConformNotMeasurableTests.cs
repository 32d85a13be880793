namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary>
/// <c>plumb conform</c> and <c>plumb analyze</c> on a log none of whose events shows a step of the procedure: "not measurable"
/// with the reason, never a fit; and a ServiceNow JSON log of the major incident procedure, whose steps live on
/// major_incident_state, read with the fields the process's steps name.
/// </summary>
public sealed class ConformNotMeasurableTests
{
    private static async Task<(string Handbook, string Log)> BaselineAndIncidentsAsync(TempFolder folder, string file = "incidents.csv", params string[] extra)
    {
        var handbook = folder.Sub("handbook");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", handbook, "--baseline", "all")).Exit);
        return await MiningCli.GenerateAsync(folder, 150, file, ["--process", "incident", .. extra]);
    }

    [Fact]
    public async Task Conform_of_a_knowledge_procedure_on_incidents_is_not_measurable_and_exits_1()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await BaselineAndIncidentsAsync(folder);

        var text = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "knowledge", "--procedure", "create-article");
        var json = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "knowledge", "--procedure", "create-article", "--format", "json");

        Assert.Equal(ExitCodes.Found, text.Exit);
        Assert.Contains("Conformance: not measurable: no event of the log maps onto procedure create-article", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fitting cases", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("log fitness", text.Out, StringComparison.Ordinal);
        Assert.Contains("unmapped: Incident logged", text.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Found, json.Exit);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.StartsWith("not measurable", root.Get("notMeasurable").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.Get("fitness").ValueKind);
        Assert.Equal(0, root.Get("cases").GetArrayLength());
        Assert.Equal(0, root.Get("breakdown").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_of_a_knowledge_process_on_incidents_reports_no_fitness()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await BaselineAndIncidentsAsync(folder);
        var report = folder.Sub("report.json");

        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "knowledge", "-o", report);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("log fitness not measurable", result.Out, StringComparison.Ordinal);
        Assert.Contains("plumb: warning: conformance not measurable", result.Error, StringComparison.Ordinal);
        var conformance = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken)).RootElement.Get("conformance");
        Assert.StartsWith("not measurable", conformance.Get("notMeasurable").GetString(), StringComparison.Ordinal);
        Assert.False(conformance.TryGetProperty("overall", out _));
    }

    [Fact]
    public async Task Conform_reads_the_major_incident_state_of_a_servicenow_json_log()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await BaselineAndIncidentsAsync(folder, "major.json", "--procedure", "major-incident");

        var json = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "incident", "--procedure", "major-incident", "--format", "json");

        var kpis = await Cli.RunAsync("kpi", "--log", log, "--handbook", handbook, "--process", "incident");

        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(JsonValueKind.Null, root.Get("notMeasurable").ValueKind);
        Assert.True(root.Get("fitness").Get("logFitness").GetDouble() >= 0.98, json.Out[..200]);
        Assert.DoesNotContain(root.Get("unmapped").EnumerateArray(), u => u.Get("activity").GetString()!.StartsWith("major_incident_state", StringComparison.Ordinal));

        // Every generated case is declared major: the audit of major_incident_state shows the declare-major step of each.
        var majors = kpis.Out.Split('\n').SkipWhile(l => !l.StartsWith("major-incidents:", StringComparison.Ordinal)).ElementAt(1);
        Assert.Contains("150.00", majors, StringComparison.Ordinal);
    }
}
