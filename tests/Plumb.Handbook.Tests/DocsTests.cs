namespace Plumb.Handbook.Tests;

using System.Text;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Lint;

/// <summary>docs/lint-rules.md lists every rule; the list is generated from <see cref="Linter.Rules"/> and kept true here.</summary>
public sealed class DocsTests
{
    private const string Begin = "<!-- rules:begin -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void The_lint_rules_doc_lists_every_rule_as_the_code_defines_it()
    {
        var path = Path.Combine(RepoRoot(), "docs", "lint-rules.md");
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

    private static string RuleTable()
    {
        var table = new StringBuilder("\n| Code | Rule | Severity | What it checks |\n|---|---|---|---|\n");
        foreach (var rule in Linter.Rules)
        {
            table.Append($"| {rule.Code} | `{rule.Name}` | {Diagnostic.SeverityWord(rule.Severity)} | {rule.Description.Replace("|", "\\|")} |\n");
        }

        return table.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plumb.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Plumb.slnx not found");
    }
}
