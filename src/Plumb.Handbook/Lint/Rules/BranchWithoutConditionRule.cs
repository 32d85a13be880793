namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>A branch of an exclusive decision without a condition.</summary>
public sealed class BranchWithoutConditionRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB116";

    /// <inheritdoc />
    public override string Name => "branch-without-condition";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every branch of an exclusive decision says when it is taken (write when: otherwise for the default).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (site.Step.Decision is not { Kind: DecisionKind.Exclusive } decision) continue;
            for (var i = 0; i < decision.Branches.Count; i++)
            {
                var branch = decision.Branches[i];
                if (!string.IsNullOrWhiteSpace(branch.When)) continue;
                context.Report(this, site.Process, $"{site.Path}.decision.branches[{i}]",
                    $"the branch to '{branch.Goto}' of {Describe.Step(site.Step)} does not say when it is taken; "
                    + "add 'when:' (use 'when: otherwise' for the default branch)");
            }
        }
    }
}
