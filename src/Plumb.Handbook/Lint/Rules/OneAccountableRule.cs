namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step names no accountable role, or more than one.</summary>
public sealed class OneAccountableRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB109";

    /// <inheritdoc />
    public override string Name => "one-accountable";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every step names exactly one accountable role.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            var accountable = site.Step.Raci.Accountable;
            if (accountable.Count == 1) continue;
            var message = accountable.Count == 0
                ? $"{Describe.Step(site.Step)} has no accountable role; add 'accountable:' under raci with the one role that answers for it"
                : $"{Describe.Step(site.Step)} has {accountable.Count} accountable roles ({string.Join(", ", accountable)}); "
                    + "exactly one role answers for a step, make the others responsible or consulted";
            context.Report(this, site.Process, site.Path + (accountable.Count == 0 ? ".raci" : ".raci.accountable"), message);
        }
    }
}
