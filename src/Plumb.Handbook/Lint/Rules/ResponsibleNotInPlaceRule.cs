namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step gives the work to a role that is not in place yet.</summary>
public sealed class ResponsibleNotInPlaceRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB110";

    /// <inheritdoc />
    public override string Name => "responsible-not-in-place";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "A responsible role is in place (inPlace is not false in handbook.yaml).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            var responsible = site.Step.Raci.Responsible;
            for (var i = 0; i < responsible.Count; i++)
            {
                if (context.Handbook.FindRole(responsible[i]) is not { InPlace: false } role) continue;
                context.Report(this, site.Process, Describe.Item(site.Path + ".raci.responsible", i, responsible.Count),
                    $"{Describe.Step(site.Step)} is given to {Describe.Role(role)}, which is not in place; nobody does this step today");
            }
        }
    }
}
