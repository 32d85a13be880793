namespace Plumb.Cli.Tests;

using System.Text.Json;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_of_a_new_handbook_finds_no_problems_and_exits_0()
    {
        using var temp = new TempFolder();
        var dir = temp.Sub("hb");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("init", dir)).Exit);

        var result = await Cli.RunAsync("check", dir);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Equal($"{dir}: 1 process(es) checked, no problems found.\n", result.Out);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Check_exits_0_when_only_warnings_are_found()
    {
        using var temp = new TempFolder();
        var dir = Save(temp, h => h.Processes[0].Purpose = null);

        var result = await Cli.RunAsync("check", dir);

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Contains("warning PLB123: process 'incident' (Incident Management) has no purpose", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 process(es) checked: 0 errors, 1 warning, 0 hints.\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_1_when_an_error_is_found_and_names_its_line()
    {
        using var temp = new TempFolder();
        var dir = Save(temp, h => h.Processes[0].Procedures[0].Steps[1].Raci.Accountable.Clear());

        var result = await Cli.RunAsync("check", dir);

        Assert.Equal(ExitCodes.Found, result.Exit);
        Assert.StartsWith($"{dir}/processes/incident.yaml:56:5: error PLB109: step 'resolve' (Resolve the incident) has no accountable role",
            result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_as_json_lists_every_problem_with_stable_fields()
    {
        using var temp = new TempFolder();
        var dir = Save(temp, h =>
        {
            h.Processes[0].Procedures[0].Steps[1].Raci.Accountable.Clear();
            h.Processes[0].Purpose = null;
        });

        var result = await Cli.RunAsync("check", dir, "--format", "json");

        Assert.Equal(ExitCodes.Found, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(["handbook", "summary", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(dir, root.GetProperty("handbook").GetString());
        Assert.Equal("""{"errors":1,"warnings":1,"hints":0}""", root.GetProperty("summary").GetRawText().Replace(" ", "").Replace("\n", ""));
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal(["code", "rule", "severity", "message", "file", "line", "column", "path"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PLB123", first.GetProperty("code").GetString());
        Assert.Equal("missing-purpose", first.GetProperty("rule").GetString());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("processes/incident.yaml", first.GetProperty("file").GetString());
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal(1, first.GetProperty("column").GetInt32());
        Assert.Equal("purpose", first.GetProperty("path").GetString());
        var second = root.GetProperty("diagnostics")[1];
        Assert.Equal("PLB109", second.GetProperty("code").GetString());
        Assert.Equal("procedures[0].steps[1].raci", second.GetProperty("path").GetString());
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Check_as_json_reports_unreadable_input_in_the_same_shape_and_exits_2()
    {
        using var temp = new TempFolder();
        var dir = Save(temp, _ => { });
        File.WriteAllText(Path.Combine(dir, "processes", "incident.yaml"), "id: incident\nname: [\n");

        var result = await Cli.RunAsync("check", dir, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("PLB001", diagnostic.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("rule").ValueKind);
        Assert.Equal("processes/incident.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    private static string Save(TempFolder temp, Action<Plumb.Handbook.Model.Handbook> change)
    {
        var handbook = ExampleHandbook.Create("Test");
        change(handbook);
        var dir = temp.Sub("hb");
        HandbookFolder.Save(handbook, dir);
        return dir;
    }
}
