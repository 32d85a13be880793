namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step whose next or branch goes back to the step itself.</summary>
public sealed class StepToItselfRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB128";

    /// <inheritdoc />
    public override string Name => "step-to-itself";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "No step's next or branch goto names the step itself.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            var step = site.Step;
            if (step.Next == step.Id)
            {
                context.Report(this, site.Process, site.Path + ".next",
                    $"{Describe.Step(step)} goes next to itself, so it never finishes; name the step that follows, or 'end'");
            }

            var branches = step.Decision?.Branches ?? [];
            for (var i = 0; i < branches.Count; i++)
            {
                if (branches[i].Goto != step.Id) continue;
                context.Report(this, site.Process, $"{site.Path}.decision.branches[{i}].goto",
                    $"a branch of {Describe.Step(step)} goes back to the same step; describe the repeat in its instruction, "
                    + "or go to the step that follows");
            }
        }
    }
}
