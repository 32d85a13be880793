namespace Plumb.Cli.Tests;

using System.Text;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;

/// <summary>Every kind of input Plumb cannot read gives one line naming file, line and column, and exit code 2.</summary>
public sealed class BadInputTests
{
    private const string Process = "processes/incident.yaml";

    public static TheoryData<string> Cases => [.. All.Keys];

    private static readonly Dictionary<string, (Action<string> Break, string Expected)> All = new(StringComparer.Ordinal)
    {
        ["yaml-syntax"] = (d => Write(d, Process, "id: incident\nname: \"Incident\nowner: x\n"),
            $"{Process}:2:7: error PLB001: YAML syntax: a quoted value is not closed"),
        ["colon-in-value"] = (d => Replace(d, Process, "name: Incident Management", "name: Incident: Management"),
            $"{Process}:3:15: error PLB001: YAML syntax: a value holds ': '"),
        ["tab-indentation"] = (d => Write(d, Process, "id: incident\nname: X\n\tpurpose: y\n"),
            $"{Process}:2:7: error PLB001: YAML syntax: a tab is used for indentation"),
        ["two-documents"] = (d => Write(d, Process, "id: incident\nname: X\n---\nid: other\n"),
            $"{Process}:3:1: error PLB001: YAML syntax: the file holds more than one YAML document"),
        ["wrong-type-number"] = (d => Replace(d, Process, "  target: 8", "  target: eight"),
            $"{Process}:28:11: error PLB003: 'target' of a KPI must be a number, not 'eight'"),
        ["wrong-type-list"] = (d => Write(d, HandbookFolder.HandbookFile, "name: X\nroles: admin\n"),
            "handbook.yaml:2:8: error PLB003: 'roles' of the handbook must be a list, not a single value"),
        ["not-a-mapping"] = (d => Write(d, Process, "- a\n- b\n"),
            $"{Process}:1:1: error PLB003: a process file must be a set of fields (name: value), not a list"),
        ["unknown-field"] = (d => Replace(d, Process, "\npurpose:", "\npurpse:"),
            $"{Process}:8:1: error PLB004: the process has no field 'purpse'; did you mean 'purpose'?"),
        ["unknown-nested-field"] = (d => Replace(d, Process, "    instruction: Create", "    instructions: Create"),
            $"{Process}:40:5: error PLB004: a step has no field 'instructions'; did you mean 'instruction'?"),
        ["duplicate-key"] = (d => Replace(d, Process, "owner: incident-manager\n", "owner: incident-manager\nowner: caller\n"),
            $"{Process}:5:1: error PLB002: 'owner' appears twice here (first at line 4); keep one"),
        ["missing-field"] = (d => Replace(d, Process, "name: Incident Management\n", ""),
            $"{Process}:2:1: error PLB005: the process needs 'name'"),
        ["invalid-value"] = (d => Replace(d, Process, "status: draft", "status: drafted"),
            $"{Process}:5:9: error PLB009: 'status' of the process must be one of draft, in-review, published, not 'drafted'"),
        ["empty-handbook"] = (d => Write(d, HandbookFolder.HandbookFile, ""),
            "handbook.yaml:1:1: error PLB006: the file is empty"),
        ["only-comments"] = (d => Write(d, Process, "# to do\n"),
            $"{Process}:1:1: error PLB006: the file is empty"),
        ["binary"] = (d => File.WriteAllBytes(Path.Combine(d, Process), [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]),
            $"{Process}:1:1: error PLB007: the file is not text (it holds binary data)"),
        ["not-utf8"] = (d => File.WriteAllBytes(Path.Combine(d, Process), Encoding.Latin1.GetBytes("id: incident\nname: Café\n")),
            $"{Process}:1:1: error PLB007: the file is not UTF-8 text; save it as UTF-8"),
        ["id-differs-from-file-name"] = (d => Replace(d, Process, "id: incident\n", "id: incidents\n"),
            $"{Process}:2:5: error PLB009: the process id 'incidents' must match its file name 'incident'"),
        ["nested-100000-deep"] = (d => Write(d, Process, "id: incident\nname: X\npurpose: " + new string('[', 100_000) + new string(']', 100_000) + "\n"),
            $"{Process}:3:265: error PLB001: YAML syntax: values are nested more than 256 levels deep"),
        ["alias-expansion"] = (d => Write(d, Process, "id: incident\nname: X\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"))),
            $"{Process}:7:45: error PLB001: YAML syntax: the aliases (*name) of this file expand to more than 100,000 values"),
        ["not-a-handbook"] = (d => File.Delete(Path.Combine(d, HandbookFolder.HandbookFile)),
            ": error PLB008: "),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_reports_bad_input_as_one_line_with_its_place_and_exits_2(string name)
    {
        using var temp = new TempFolder();
        var dir = temp.Sub("handbook");
        HandbookFolder.Save(ExampleHandbook.Create("Test"), dir);
        var (breakIt, expected) = All[name];
        breakIt(dir);

        var result = await Cli.RunAsync("check", dir);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        var prefix = expected.StartsWith(':') ? dir : dir + "/";
        Assert.StartsWith(prefix + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_handbook_is_named_once_with_how_to_start_one()
    {
        using var temp = new TempFolder();

        var result = await Cli.RunAsync("check", temp.Path);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal($"{temp.Path}: error PLB008: '{temp.Path}' is not a handbook folder: it has no handbook.yaml "
            + $"(create one with 'plumb init {temp.Path}')", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_file_instead_of_a_folder_exits_2()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("handbook.yaml");
        File.WriteAllText(file, "name: X\n");

        var result = await Cli.RunAsync("check", file);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal($"{file}: error PLB008: '{file}' is a file, not a handbook folder", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_exits_2()
    {
        using var temp = new TempFolder();
        var missing = temp.Sub("nothing-here");

        var result = await Cli.RunAsync("show", missing);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal($"{missing}: error PLB008: '{missing}' does not exist", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var result = await Cli.RunAsync("check", ".", "--colour");

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Contains("--colour", result.Error, StringComparison.Ordinal);
    }

    private static void Write(string dir, string document, string text) => File.WriteAllText(Path.Combine(dir, document), text);

    private static void Replace(string dir, string document, string old, string replacement)
    {
        var path = Path.Combine(dir, document);
        var text = File.ReadAllText(path);
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
    }
}
