namespace Plumb.Handbook.Tests.Lint;

using Plumb.Handbook.Lint;

public sealed class RuleTests
{
    public static TheoryData<string> Codes => [.. RuleCases.All.Select(c => c.Code)];

    [Fact]
    public void The_clean_handbook_has_no_problems()
    {
        Assert.Empty(LintKit.Check(LintKit.Process));
    }

    [Fact]
    public void Every_rule_has_a_case_and_codes_are_unique_and_start_at_PLB101()
    {
        Assert.Equal(Linter.Rules.Select(r => (r.Code, r.Name)), RuleCases.All.Select(c => (c.Code, c.Name)));
        Assert.True(Linter.Rules.Count >= 20);
        Assert.All(Linter.Rules, r => Assert.Matches("^PLB1[0-9]{2}$", r.Code));
        Assert.All(Linter.Rules, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name));
        Assert.Equal(Linter.Rules.Count, Linter.Rules.Select(r => r.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_rule_reports_its_mistake_once_at_the_right_line(string code)
    {
        var rule = RuleCases.All.Single(c => c.Code == code);
        var (handbook, process) = rule.Apply(rule.Fail);

        var found = LintKit.Check(handbook, process).Where(d => d.Code == code).ToList();

        var diagnostic = Assert.Single(found);
        Assert.Equal(rule.At, diagnostic.Where());
        Assert.Equal(Linter.Rules.Single(r => r.Code == code).Severity, diagnostic.Severity);
        Assert.DoesNotContain("{", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_rule_accepts_its_near_miss(string code)
    {
        var rule = RuleCases.All.Single(c => c.Code == code);
        var (handbook, process) = rule.Apply(rule.Pass);

        Assert.Empty(LintKit.Check(handbook, process));
    }
}
