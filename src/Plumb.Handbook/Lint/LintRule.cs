namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Diagnostics;

/// <summary>One lint rule: a stable code, its default severity, and a check over the whole handbook.</summary>
public abstract class LintRule
{
    /// <summary>Stable code, e.g. <c>PLB101</c>; never reused for another meaning.</summary>
    public abstract string Code { get; }

    /// <summary>Short kebab-case name, e.g. <c>unknown-role</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The severity of what the rule reports.</summary>
    public abstract Severity Severity { get; }

    /// <summary>What the rule checks, in one sentence for the rule list.</summary>
    public abstract string Description { get; }

    /// <summary>Reports every problem of this kind in the handbook.</summary>
    public abstract void Check(LintContext context);
}
