namespace Plumb.Handbook.Tests;

using System.Text;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Yaml;

/// <summary>docs/lint-rules.md lists every rule; the list is generated from <see cref="Linter.Rules"/> and kept true here.</summary>
public sealed class DocsTests
{
    private const string Begin = "<!-- rules:begin -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void The_lint_rules_doc_lists_every_rule_as_the_code_defines_it()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "lint-rules.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/lint-rules.md must hold {Begin} ... {End}");
        var current = text[(start + Begin.Length)..end];
        var generated = RuleTable();
        if (current != generated && Environment.GetEnvironmentVariable("PLUMB_ACCEPT") == "1")
        {
            File.WriteAllText(path, text[..(start + Begin.Length)] + generated + text[end..]);
            return;
        }

        Assert.True(current == generated, "docs/lint-rules.md is out of date; run the tests with PLUMB_ACCEPT=1 to regenerate it.\n" + generated);
    }

    [Fact]
    public void The_examples_in_the_handbook_format_doc_read_without_errors()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "handbook-format.md")).ReplaceLineEndings("\n");
        var blocks = text.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();

        Assert.Equal(2, blocks.Count);
        var handbook = HandbookYamlReader.ReadHandbook(blocks[0]);
        var process = HandbookYamlReader.ReadProcess(blocks[1], "processes/incident.yaml");
        Assert.Empty(handbook.Errors);
        Assert.Empty(process.Errors);
        Assert.Equal(4, process.Value!.Procedures[0].Steps.Count);
    }

    private static string RuleTable()
    {
        var table = new StringBuilder("\n| Code | Rule | Severity | What it checks |\n|---|---|---|---|\n");
        foreach (var rule in Linter.Rules)
        {
            table.Append($"| {rule.Code} | `{rule.Name}` | {Diagnostic.SeverityWord(rule.Severity)} | {rule.Description.Replace("|", "\\|")} |\n");
        }

        return table.ToString();
    }
}
