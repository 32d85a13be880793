namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A decision with no branches.</summary>
public sealed class DecisionWithoutBranchesRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB115";

    /// <inheritdoc />
    public override string Name => "decision-without-branches";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "A step with a decision lists the branches it can take.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (site.Step.Decision is not { Branches.Count: 0 } decision) continue;
            var question = decision.Question is { Length: > 0 } q ? $" '{q.Trim()}'" : "";
            context.Report(this, site.Process, site.Path + ".decision",
                $"the decision{question} of {Describe.Step(site.Step)} has no branches; list them under 'branches:' with 'when:' and 'goto:'");
        }
    }
}
