namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary><c>plumb analyze</c> (HTML and JSON reports) and <c>plumb generate log</c> (each format, reproducible).</summary>
public sealed class AnalyzeGenerateCommandTests
{
    [Fact]
    public async Task Analyze_writes_a_self_contained_html_report_with_the_layered_process_map()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 150);
        var report = folder.Sub("report.html");

        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "incident", "-o", report);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("150 cases, mapped ", result.Out, StringComparison.Ordinal);
        Assert.Contains(", log fitness", result.Out, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        Assert.Contains("cases have every event mapped", html, StringComparison.Ordinal);
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Contains("data-layer=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_writes_json_with_every_figure()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 150);
        var report = folder.Sub("report.json");

        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "incident", "-o", report, "--period", "week");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(150, root.Get("summary").Get("cases").GetInt32());
        Assert.True(root.Get("kpis").GetArrayLength() > 0);
        Assert.True(root.Get("conformance").Get("overall").Get("logFitness").GetDouble() > 0);
    }

    [Fact]
    public async Task Analyze_of_a_log_large_enough_to_be_collected_before_the_stages_reports_every_case_and_event()
    {
        // Given a log of more than 100,000 events, where analyze gives the read's freed pages back before the stages, in an XES
        // file large enough (~45 MB) to be read in parts, collected after the parts' reads
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 25_000, "incidents.xes");
        var stats = await Cli.RunAsync("log", "stats", log, "--format", "json");
        Assert.Equal(ExitCodes.Ok, stats.Exit);
        var events = JsonDocument.Parse(stats.Out).RootElement.Get("stats").Get("events").GetInt32();
        Assert.True(events >= 100_000, $"{events} events");
        var report = folder.Sub("report.json");

        // When
        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "incident", "-o", report);

        // Then
        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("25,000 cases, mapped ", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
        var summary = json.RootElement.Get("summary");
        Assert.Equal(25_000, summary.Get("cases").GetInt32());
        Assert.Equal(events, summary.Get("events").GetInt32());
    }

    [Theory]
    [InlineData("report.pdf", "the report is written as .html or .json")]
    public async Task Analyze_rejects_an_unknown_report_type(string name, string message)
    {
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 20);

        MiningCli.AssertBadInput(await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "incident", "-o", folder.Sub(name)), message);
    }

    [Fact]
    public async Task Analyze_names_an_unknown_process()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 20);

        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "nope", "-o", folder.Sub("r.html"));

        MiningCli.AssertBadInput(result, "nope");
    }

    [Theory]
    [InlineData("log.csv", "number,activity,sys_updated_on")]
    [InlineData("log.xes", "<log")]
    [InlineData("log.json", "\"result\"")]
    public async Task Generate_log_writes_each_format_from_the_file_name_and_the_same_seed_gives_the_same_file(string name, string start)
    {
        using var folder = new TempFolder();
        var (_, first) = await MiningCli.GenerateAsync(folder, 30, name);
        var again = folder.Sub("again-" + name);

        var result = await Cli.RunAsync("generate", "log", "--handbook", folder.Sub("handbook"), "--cases", "30", "--seed", "5", "-o", again);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("30 cases", result.Out + result.Error, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(first, TestContext.Current.CancellationToken);
        Assert.Contains(start, text[..Math.Min(text.Length, 400)], StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(again, TestContext.Current.CancellationToken));
        var stats = await Cli.RunAsync("log", "stats", first, "--format", "json");
        Assert.Equal(30, JsonDocument.Parse(stats.Out).RootElement.Get("stats").Get("cases").GetInt32());
    }

    [Fact]
    public async Task Generate_log_rejects_a_non_positive_case_count_and_an_unknown_process()
    {
        using var folder = new TempFolder();

        MiningCli.AssertBadInput(await Cli.RunAsync("generate", "log", "--cases", "0", "-o", folder.Sub("x.csv")), "--cases must be positive");
        MiningCli.AssertBadInput(await Cli.RunAsync("generate", "log", "--process", "nope", "-o", folder.Sub("x.csv")), "no process 'nope'");
        Assert.False(File.Exists(folder.Sub("x.csv")));
    }

    [Theory]
    [InlineData("log stats")]
    [InlineData("discover")]
    [InlineData("conform")]
    [InlineData("analyze")]
    [InlineData("generate log")]
    public async Task Every_mining_command_has_help_naming_the_log_options(string command)
    {
        var result = await Cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        if (command != "generate log") Assert.Contains("--log-format", result.Out, StringComparison.Ordinal);
    }
}
