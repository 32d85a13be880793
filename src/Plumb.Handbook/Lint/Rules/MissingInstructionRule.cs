namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step without a work instruction.</summary>
public sealed class MissingInstructionRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB125";

    /// <inheritdoc />
    public override string Name => "missing-instruction";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every step, except one that calls another procedure, has an instruction a role holder can follow.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (!string.IsNullOrWhiteSpace(site.Step.Instruction) || !string.IsNullOrWhiteSpace(site.Step.Call)) continue;
            context.Report(this, site.Process, site.Path + ".instruction",
                $"{Describe.Step(site.Step)} has no instruction; add 'instruction:' telling the person doing it what to do");
        }
    }
}
