namespace Plumb.Handbook.Tests.Lint;

public sealed class PrintTmp
{
    [Fact]
    public void Print()
    {
        var lines = new List<string>();
        foreach (var rule in RuleCases.All)
        {
            var (h, p) = rule.Apply(rule.Fail);
            foreach (var d in LintKit.Check(h, p)) lines.Add($"[{rule.Code}] " + d.Format());
        }

        File.WriteAllLines("/tmp/msgs.txt", lines);
    }
}
