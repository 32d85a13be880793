namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary><c>plumb discover</c> and <c>plumb conform</c> (on a PNML net and on the handbook's procedure).</summary>
public sealed class DiscoverConformCommandTests
{
    [Fact]
    public async Task Discover_lists_the_dfg_and_variants_of_the_running_example()
    {
        var result = await Cli.RunAsync("discover", "--log", MiningCli.Shared("running-example.xes"));

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("6 cases, 42 events, 8 activities, 16 directly-follows edges, 6 variants", result.Out, StringComparison.Ordinal);
        Assert.Contains("Start activities: register request (6)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_in_json_carries_edges_variants_handovers_and_ping_pong()
    {
        using var folder = new TempFolder();
        var (_, log) = await MiningCli.GenerateAsync(folder, 200, "incidents.csv", "--reassign-rate", "0.3");

        var result = await Cli.RunAsync("discover", "--log", log, "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(200, root.Get("cases").GetInt32());
        Assert.True(root.Get("dfg").Get("edges").GetArrayLength() > 3);
        var variants = root.Get("variants").EnumerateArray().Sum(v => v.Get("count").GetInt32());
        Assert.Equal(200, variants);
        Assert.True(root.Get("casesWithPingPong").GetInt32() > 0, "reassignments bounce tickets between groups");
        Assert.True(root.Get("handovers").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Discover_on_a_log_without_a_case_column_exits_2_listing_the_columns()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("nocase.csv");
        await File.WriteAllTextAsync(path, "what,when\nNew,2024-01-01T10:00:00Z\n", TestContext.Current.CancellationToken);

        MiningCli.AssertBadInput(await Cli.RunAsync("discover", "--log", path), path, "no case column found", "--case", "what, when");
    }

    [Fact]
    public async Task Conform_on_the_pnml_net_fits_every_running_example_case_and_exits_0()
    {
        // pm4py's token replay of running-example.xes on running-example.pnml: log fitness 1.0, all 6 cases fit.
        var result = await Cli.RunAsync("conform", "--log", MiningCli.Shared("running-example.xes"), "--pnml", MiningCli.Shared("running-example.pnml"), "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        var fitness = JsonDocument.Parse(result.Out).RootElement.Get("fitness");
        Assert.Equal(1.0, fitness.Get("logFitness").GetDouble());
        Assert.Equal(6, fitness.Get("fittingCases").GetInt32());
    }

    [Fact]
    public async Task Conform_on_the_procedure_finds_injected_deviations_and_exits_1()
    {
        using var folder = new TempFolder();
        var (handbook, log) = await MiningCli.GenerateAsync(folder, 150, "incidents.csv", "--skip-rate", "0.2");

        var text = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "incident");
        var json = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "incident", "--format", "json");

        Assert.Equal(ExitCodes.Found, text.Exit);
        Assert.Contains("log fitness", text.Out, StringComparison.Ordinal);
        Assert.Contains("skipped", text.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Found, json.Exit);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("incident/handle-incident", root.Get("model").GetString());
        Assert.True(root.Get("fitness").Get("logFitness").GetDouble() < 1);
        Assert.Contains(root.Get("deviations").EnumerateArray(), d => d.Get("kind").GetString() == "skipped");
        Assert.Equal(150, root.Get("cases").GetArrayLength());
    }

    [Fact]
    public async Task Conform_without_a_model_or_with_both_is_a_usage_error()
    {
        var log = MiningCli.Shared("running-example.xes");

        MiningCli.AssertBadInput(await Cli.RunAsync("conform", "--log", log), "give either --pnml NET.pnml or --handbook DIR --process ID");
    }

    [Fact]
    public async Task Conform_on_a_broken_pnml_exits_2_naming_the_file()
    {
        using var folder = new TempFolder();
        var net = folder.Sub("broken.pnml");
        await File.WriteAllTextAsync(net, "<pnml><net><place id='p1'>", TestContext.Current.CancellationToken);

        MiningCli.AssertBadInput(await Cli.RunAsync("conform", "--log", MiningCli.Shared("running-example.xes"), "--pnml", net), net);
    }
}
