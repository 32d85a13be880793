namespace Plumb.Cli.Tests.Mining;

using System.Text;

/// <summary>A procedure of more steps than a log's events can be mapped onto is bad input: one line and exit 2, no stack trace.</summary>
public sealed class ProcedureStepLimitTests
{
    [Fact]
    public async Task Analyze_with_a_procedure_of_128_steps_exits_2_naming_the_procedure_and_the_limit()
    {
        // Given a process whose one procedure has 128 steps, and a log of its first step
        using var folder = new TempFolder();
        var handbook = folder.Sub("handbook");
        Directory.CreateDirectory(Path.Combine(handbook, "processes"));
        await File.WriteAllTextAsync(Path.Combine(handbook, "handbook.yaml"), "name: Long\n", TestContext.Current.CancellationToken);
        var process = new StringBuilder("id: long\nname: Long\nowner: lead\nstatus: draft\nversion: \"1.0\"\npurpose: Many steps.\nprocedures:\n"
            + "  - id: many\n    name: Many\n    purpose: Many steps.\n    trigger: A start.\n    steps:\n");
        for (var i = 0; i < 128; i++)
        {
            process.Append($"      - id: s{i}\n        name: Step {i}\n        instruction: Do {i}.\n        raci: {{responsible: lead, accountable: lead}}\n"
                + $"        tool: {{activities: [A{i}]}}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(handbook, "processes", "long.yaml"), process.ToString(), TestContext.Current.CancellationToken);
        var log = folder.Sub("log.csv");
        await File.WriteAllTextAsync(log, "case,timestamp,activity\nc1,2024-01-01T00:00:00Z,A0\n", TestContext.Current.CancellationToken);

        // When
        var result = await Cli.RunAsync("analyze", "--log", log, "--handbook", handbook, "--process", "long", "-o", folder.Sub("report.json"));

        // Then
        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Contains("plumb: procedure many has 128 steps: too many to map onto a log (at most 127)", result.ErrorLines);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Sub("report.json")));
    }
}
