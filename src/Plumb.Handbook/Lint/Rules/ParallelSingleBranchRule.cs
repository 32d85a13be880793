namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>A parallel decision with only one branch.</summary>
public sealed class ParallelSingleBranchRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB117";

    /// <inheritdoc />
    public override string Name => "parallel-single-branch";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "A parallel decision splits into at least two branches.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (site.Step.Decision is not { Kind: DecisionKind.Parallel, Branches.Count: 1 } decision) continue;
            context.Report(this, site.Process, site.Path + ".decision",
                $"{Describe.Step(site.Step)} splits into parallel work with only one branch (to '{decision.Branches[0].Goto}'); "
                + "add the work done in parallel, or replace the decision with 'next:'");
        }
    }
}
