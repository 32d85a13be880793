namespace Plumb.Cli.Tests.Mining;

using System.Text.Json;

/// <summary>Reading real exports from the command line: a folder given as a log, several logs at once, more missing-value markers.</summary>
public sealed class ReadingExportsCommandTests
{
    [Fact]
    public async Task A_folder_given_as_log_says_what_was_expected()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.Sub("Detail_Incident_Activity.csv"), "x\n", TestContext.Current.CancellationToken);

        MiningCli.AssertBadInput(await Cli.RunAsync("discover", "--log", folder.Path), folder.Path, "is a folder", "give --log once per file",
            "Detail_Incident_Activity.csv");
    }

    [Fact]
    public async Task Several_logs_are_read_as_one_and_their_links_are_followed()
    {
        using var folder = new TempFolder();
        var incidents = folder.Sub("incidents.csv");
        var changes = folder.Sub("changes.csv");
        await File.WriteAllTextAsync(incidents,
            "number,activity,timestamp,rfc\nINC0000001,New,2024-01-01T10:00:00Z,CHG0000001\nINC0000001,Resolved,2024-01-01T12:00:00Z,CHG0000001\n" +
            "INC0000002,New,2024-01-02T10:00:00Z,?\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(changes, "number,activity,timestamp\nCHG0000001,New,2024-01-01T16:00:00Z\n", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("discover", "--log", incidents, "--log", changes, "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.Exit);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(3, root.Get("cases").GetInt32());
        Assert.Equal(4, root.Get("events").GetInt32());
        Assert.Contains("\"incident\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"change_request\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_further_missing_marker_is_not_a_group()
    {
        using var folder = new TempFolder();
        var log = folder.Sub("log.csv");
        await File.WriteAllTextAsync(log, "case,activity,timestamp,org:group\nA,Open,2024-01-01T10:00:00Z,n.v.t.\nA,Close,2024-01-01T11:00:00Z,Desk\n",
            TestContext.Current.CancellationToken);

        var plain = await Cli.RunAsync("log", "stats", log, "--format", "json");
        var told = await Cli.RunAsync("log", "stats", log, "--format", "json", "--missing", "n.v.t.");

        Assert.Equal(2, JsonDocument.Parse(plain.Out).RootElement.Get("stats").Get("groups").GetInt32());
        Assert.Equal(1, JsonDocument.Parse(told.Out).RootElement.Get("stats").Get("groups").GetInt32());
    }
}
