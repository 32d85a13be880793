namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>Runs every lint rule over a handbook.</summary>
public static class Linter
{
    /// <summary>Every rule, in code order.</summary>
    public static IReadOnlyList<LintRule> Rules { get; } =
    [
        .. typeof(LintRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LintRule)) && !t.IsAbstract)
            .Select(t => (LintRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Code, StringComparer.Ordinal),
    ];

    /// <summary>Checks the handbook; diagnostics come sorted by document and path order of discovery.</summary>
    public static IReadOnlyList<Diagnostic> Check(Handbook handbook)
    {
        var context = new LintContext(handbook);
        foreach (var rule in Rules) rule.Check(context);
        return context.Diagnostics;
    }
}
