namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step names no responsible role.</summary>
public sealed class MissingResponsibleRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB108";

    /// <inheritdoc />
    public override string Name => "missing-responsible";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every step names at least one responsible role (who does the work).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (site.Step.Raci.Responsible.Count > 0) continue;
            context.Report(this, site.Process, site.Path + ".raci",
                $"{Describe.Step(site.Step)} has no responsible role; add 'responsible:' under raci to say who does the work");
        }
    }
}
