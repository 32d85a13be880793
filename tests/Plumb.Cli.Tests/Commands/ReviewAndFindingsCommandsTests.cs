namespace Plumb.Cli.Tests.Commands;

public sealed class ReviewAndFindingsCommandsTests
{
    private const string Finding = """
            findings:
            - id: F-12
              text: Agents retype e-mails.
              severity: high
              plannedUpdate: Log from the e-mail with one click.
              owner: service-desk-manager
              status: planned

        """;

    [Theory]
    [InlineData("review.md", "# Our IT service management: process review workbook")]
    [InlineData("review.html", "<!DOCTYPE html>")]
    [InlineData("review.docx", "PK")]
    [InlineData("review.xlsx", "PK")]
    public async Task Review_writes_the_format_its_output_name_asks_for(string name, string start)
    {
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");
        await CliRun.RunAsync("init", hb, "--baseline", "incident");

        var run = await CliRun.RunAsync("review", hb, "-o", folder.Sub(name));

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("Wrote the review workbook", run.Error, StringComparison.Ordinal);
        Assert.StartsWith(start, File.ReadAllText(folder.Sub(name)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*"));
    }

    [Fact]
    public async Task Review_as_docx_without_an_output_file_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");
        await CliRun.RunAsync("init", hb);
        var run = await CliRun.RunAsync("review", hb, "--format", "docx");
        Assert.Equal((2, "plumb: --format docx writes a binary file; name it with --output FILE.docx\n"), (run.Exit, run.Error));
    }

    [Fact]
    public async Task Findings_lists_filters_and_marks_a_planned_update_done()
    {
        // Given a handbook with one planned finding on a step
        using var folder = new TempFolder();
        var hb = folder.Sub("hb");
        await CliRun.RunAsync("init", hb, "--baseline", "incident");
        var file = Path.Combine(hb, "processes", "incident.yaml");
        var text = File.ReadAllText(file);
        var at = text.IndexOf("  - id: categorise", StringComparison.Ordinal);
        File.WriteAllText(file, text[..at] + Finding + text[at..]);

        // When
        var planned = await CliRun.RunAsync("findings", hb, "--status", "planned");
        var done = await CliRun.RunAsync("findings", hb, "--done", "F-12");
        var afterwards = await CliRun.RunAsync("findings", hb, "--status", "done", "--format", "json");
        var open = await CliRun.RunAsync("findings", hb, "--status", "planned");
        var again = await CliRun.RunAsync("findings", hb, "--done", "F-12");
        var check = await CliRun.RunAsync("check", hb);

        // Then
        Assert.Contains("F-12  planned  high", planned.Out, StringComparison.Ordinal);
        Assert.Equal(0, done.Exit);
        Assert.Equal(
            "Finding F-12 done: Incident Management moves from version 1.0 to 1.1.\n" +
            "Change log 1.1 (2026-03-01): Log from the e-mail with one click. " +
            "(step 'Log the incident' of procedure 'Log, resolve and close an incident' (Incident Management))\n",
            done.Out);
        Assert.Contains("\"status\": \"done\"", afterwards.Out, StringComparison.Ordinal);
        Assert.Equal("No findings match.\n", open.Out);
        Assert.Equal((2, "plumb: finding 'F-12' is already done\n"), (again.Exit, again.Error));
        Assert.Equal(0, check.Exit);
        var yaml = File.ReadAllText(file);
        Assert.Contains("version: \"1.1\"", yaml, StringComparison.Ordinal);
        Assert.Contains("changeLog:\n- version: \"1.1\"\n  date: \"2026-03-01\"\n", yaml, StringComparison.Ordinal);
    }
}
