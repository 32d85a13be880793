namespace Plumb.Cli.Tests.Commands;

using System.Text.Json;

public sealed class BaselineCommandsTests
{
    [Fact]
    public async Task Init_with_the_whole_baseline_gives_a_handbook_check_finds_clean_and_gap_finds_equal()
    {
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");

        var init = await CliRun.RunAsync("init", hb, "--baseline", "all", "--name", "Acme IT");
        var check = await CliRun.RunAsync("check", hb);
        var gap = await CliRun.RunAsync("gap", hb);

        Assert.Equal(0, init.Exit);
        Assert.StartsWith("Created a handbook in", init.Out, StringComparison.Ordinal);
        Assert.Equal(9, Directory.GetFiles(Path.Combine(hb, "processes")).Length);
        Assert.Equal((0, $"{hb}: 9 process(es) checked, no problems found.\n"), (check.Exit, check.Out));
        Assert.Equal((0, $"{hb}: no gaps against 9 baseline practice(s).\n"), (gap.Exit, gap.Out));
        Assert.Contains("name: Acme IT", File.ReadAllText(Path.Combine(hb, "handbook.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_names_an_unknown_practice_in_one_line_and_exits_2()
    {
        using var folder = new TempFolder();
        var run = await CliRun.RunAsync("init", folder.Sub("hb"), "--baseline", "incident,incidnet");
        Assert.Equal(2, run.Exit);
        Assert.Equal(
            "plumb: --baseline incident,incidnet: no practice 'incidnet' in the baseline; choose from incident, problem, change, " +
            "service-request, knowledge, service-level, service-configuration, monitoring-event, service-catalogue\n",
            run.Error);
        Assert.False(Directory.Exists(folder.Sub("hb")));
    }

    [Fact]
    public async Task Gap_against_the_whole_baseline_lists_the_missing_practices_as_json()
    {
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");
        await CliRun.RunAsync("init", hb, "--baseline", "incident,problem");

        var gap = await CliRun.RunAsync("gap", hb, "--format", "json");

        Assert.Equal(1, gap.Exit);
        using var json = JsonDocument.Parse(gap.Out);
        var missing = json.RootElement.GetProperty("gaps").EnumerateArray()
            .Where(g => g.GetProperty("kind").GetString() == "missing" && g.GetProperty("element").GetString() == "process")
            .Select(g => g.GetProperty("path").GetString()).ToList();
        Assert.Equal(["change", "service-request", "knowledge", "service-level", "service-configuration", "monitoring-event", "service-catalogue"], missing);
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Gap_against_the_practices_the_handbook_was_made_from_is_clean_in_Markdown()
    {
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");
        await CliRun.RunAsync("init", hb, "--baseline", "change");

        var gap = await CliRun.RunAsync("gap", hb, "--baseline", "change", "--format", "md");

        Assert.Equal(0, gap.Exit);
        Assert.Equal("# Gap of Our IT service management against the baseline\n\n0 missing, 0 added, 0 renamed, 0 moved, 0 different.\n", gap.Out);
    }

    [Fact]
    public async Task Diff_says_what_changed_between_two_versions()
    {
        using var folder = new TempFolder();
        var old = folder.Sub("old");
        var @new = folder.Sub("new");
        await CliRun.RunAsync("init", old, "--baseline", "incident");
        await CliRun.RunAsync("init", @new, "--baseline", "incident");
        var file = Path.Combine(@new, "processes", "incident.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(
            "responsible: [service-desk-agent]\n      accountable: incident-manager\n      consulted: [major-incident-manager]",
            "responsible: [resolver]\n      accountable: incident-manager\n      consulted: [major-incident-manager]",
            StringComparison.Ordinal));

        var diff = await CliRun.RunAsync("diff", old, @new);
        var same = await CliRun.RunAsync("diff", old, old);

        Assert.Equal(1, diff.Exit);
        Assert.Equal(
            "changed   step 'Categorise and prioritise' of procedure 'Log, resolve and close an incident' (Incident Management): " +
            "responsible changed from Service Desk Agent to Resolver Group Agent\n\n1 change(s).\n",
            diff.Out);
        Assert.Equal((0, "No changes.\n"), (same.Exit, same.Out));
    }

    [Fact]
    public async Task Diff_of_a_folder_that_is_not_a_handbook_exits_2_naming_it()
    {
        using var folder = new TempFolder();
        var diff = await CliRun.RunAsync("diff", folder.Sub("nothing"), folder.Sub("nothing-either"));
        Assert.Equal(2, diff.Exit);
        Assert.Contains("nothing' does not exist", diff.Error, StringComparison.Ordinal);
    }
}
