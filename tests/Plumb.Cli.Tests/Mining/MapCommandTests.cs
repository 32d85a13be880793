namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary><c>plumb map</c>: proposals from a log, their share of events, and --write into the handbook keeping comments.</summary>
public sealed class MapCommandTests
{
    private const string Log =
        "SR Number;Change Date+Time;Activity;Involved ST\n" +
        "1-1;2010-03-31T15:59:42+01:00;Queued-Awaiting Assignment;V30\n" +
        "1-1;2010-03-31T16:10:00+01:00;Accepted-In Progress;V30\n" +
        "1-1;2010-04-01T09:00:00+01:00;Accepted-Wait - User;V30\n" +
        "1-1;2010-04-02T09:00:00+01:00;Completed-Resolved;V30\n" +
        "1-1;2010-04-06T09:00:00+01:00;Completed-Closed;V30\n" +
        "1-2;2010-04-01T10:00:00+01:00;Accepted-In Progress;?\n" +
        "1-2;2010-04-01T11:00:00+01:00;Completed-In Call;?\n" +
        "1-2;2010-04-01T12:00:00+01:00;Unmatched-Unmatched;?\n";

    [Fact]
    public async Task Map_proposes_mappings_and_write_puts_them_into_the_yaml_keeping_comments()
    {
        // Given a baseline handbook with a comment of its own, and a BPI Challenge 2013 shaped log
        using var folder = new TempFolder();
        var handbook = folder.Sub("handbook");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", handbook, "--baseline", "incident")).Exit);
        var yaml = Path.Combine(handbook, "processes", "incident.yaml");
        var text = await File.ReadAllTextAsync(yaml, TestContext.Current.CancellationToken);
        text = text.Replace("  - id: investigate\n", "  # Second line works here; agreed in the March workshop.\n  - id: investigate\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(yaml, text, TestContext.Current.CancellationToken);
        var log = folder.Sub("vinst.csv");
        await File.WriteAllTextAsync(log, Log, TestContext.Current.CancellationToken);

        // When the proposals are shown, then written
        var shown = await Cli.RunAsync("map", "--log", log, "--handbook", handbook, "--process", "incident", "--format", "json");
        var written = await Cli.RunAsync("map", "--log", log, "--handbook", handbook, "--process", "incident", "--write");
        var again = await Cli.RunAsync("map", "--log", log, "--handbook", handbook, "--process", "incident", "--format", "json");

        // Then
        Assert.Equal(ExitCodes.Ok, shown.Exit);
        var root = JsonDocument.Parse(shown.Out).RootElement;
        Assert.Equal(8, root.Get("events").GetInt32());
        Assert.Equal(0, root.Get("mappedBefore").GetInt32());
        Assert.Equal(7, root.Get("mappedAfter").GetInt32());
        var investigate = root.Get("proposals").EnumerateArray().Single(p => p.Get("value").GetString() == "Accepted-In Progress");
        Assert.Equal("investigate", investigate.Get("step").GetString());
        Assert.Equal(2, investigate.Get("events").GetInt32());
        Assert.Equal(25.0, investigate.Get("share").GetDouble(), 6);

        Assert.Equal(ExitCodes.Ok, written.Exit);
        Assert.Contains("7 of 8 events mapped (87.5%)", written.Out, StringComparison.Ordinal);
        var after = await File.ReadAllTextAsync(yaml, TestContext.Current.CancellationToken);
        Assert.Contains("# Second line works here; agreed in the March workshop.", after, StringComparison.Ordinal);
        Assert.Contains("Accepted-In Progress", after, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("check", handbook)).Exit);
        var rerun = JsonDocument.Parse(again.Out).RootElement;
        Assert.Equal(7, rerun.Get("mappedBefore").GetInt32());
        Assert.Equal(0, rerun.Get("proposals").GetArrayLength());
    }

    [Fact]
    public async Task Conform_and_analyze_say_how_much_was_mapped_and_warn_below_90_percent()
    {
        using var folder = new TempFolder();
        var handbook = folder.Sub("handbook");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", handbook, "--baseline", "incident")).Exit);
        var log = folder.Sub("vinst.csv");
        await File.WriteAllTextAsync(log, Log, TestContext.Current.CancellationToken);

        var conform = await Cli.RunAsync("conform", "--log", log, "--handbook", handbook, "--process", "incident");
        var analyze = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "incident", "-o", folder.Sub("r.html"));

        Assert.StartsWith("Mapping: mapped 0 of 8 events (0.0 %); 0 of 2 cases have every event mapped (0.0 %)", conform.Out, StringComparison.Ordinal);
        Assert.Contains("WARNING: only 0.0 % of the events map", conform.Out, StringComparison.Ordinal);
        Assert.Contains("plumb: warning: only 0.0 % of the events map", analyze.Error, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(folder.Sub("r.html"), TestContext.Current.CancellationToken);
        Assert.Contains("class='coverage low'", html, StringComparison.Ordinal);
        Assert.Contains("not measurable", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpic2013/VINST-new.csv.gz")]
    [InlineData("helpdesk.xes.gz")]
    public async Task The_real_logs_map_at_least_95_percent_after_the_proposals_are_accepted(string name)
    {
        // Given a fresh baseline handbook and a real log (BPI Challenge 2013 incidents, the help-desk log)
        using var folder = new TempFolder();
        var handbook = folder.Sub("handbook");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", handbook, "--baseline", "all")).Exit);
        var log = RepoPaths.TestData("event-logs", name);

        // When the proposals are accepted unchanged
        var written = await Cli.RunAsync("map", "--log", log, "--handbook", handbook, "--process", "incident", "--write");
        var after = await Cli.RunAsync("map", "--log", log, "--handbook", handbook, "--process", "incident", "--format", "json");

        // Then the handbook maps at least 95 % of the events
        Assert.True(written.Exit == ExitCodes.Ok, written.Error);
        var root = JsonDocument.Parse(after.Out).RootElement;
        var share = (double)root.Get("mappedBefore").GetInt32() / root.Get("events").GetInt32();
        Assert.True(share >= 0.95, $"{name}: {share:P1} mapped");
    }
}
