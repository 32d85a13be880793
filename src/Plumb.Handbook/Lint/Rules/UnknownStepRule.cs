namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>A next or a branch goto names no step of its procedure.</summary>
public sealed class UnknownStepRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB104";

    /// <inheritdoc />
    public override string Name => "unknown-step";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every next and branch goto names a step of the same procedure, or end.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            var step = site.Step;
            if (step.Next is { } next) Check(context, site, site.Path + ".next", "next", next);
            if (step.Decision is not { } decision) continue;
            for (var i = 0; i < decision.Branches.Count; i++)
            {
                Check(context, site, $"{site.Path}.decision.branches[{i}].goto", "a branch of", decision.Branches[i].Goto);
            }
        }
    }

    private void Check(LintContext context, StepSite site, string path, string what, string target)
    {
        if (target.Length == 0 || target == Step.End || site.Procedure.FindStep(target) is not null) return;
        var sibling = site.Process.FindProcedure(target) is not null || target.Contains('/', StringComparison.Ordinal)
            ? $"; to hand over to another procedure, add a step with 'call: {target}'"
            : Describe.DidYouMean(target, site.Procedure.Steps.Select(s => s.Id).Append(Step.End));
        var subject = what == "next" ? $"{Describe.Step(site.Step)} goes next to" : $"{what} {Describe.Step(site.Step)} goes to";
        context.Report(this, site.Process, path,
            $"{subject} '{target}', but {Describe.Procedure(site.Procedure)} has no such step{sibling}");
    }
}
