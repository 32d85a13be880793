namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A process or procedure that does not say what it is for.</summary>
public sealed class MissingPurposeRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB123";

    /// <inheritdoc />
    public override string Name => "missing-purpose";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every process and procedure says what it is for (purpose).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            if (string.IsNullOrWhiteSpace(process.Purpose))
            {
                context.Report(this, process, "purpose", $"{Describe.Process(process)} has no purpose; add 'purpose:' to say why the process exists");
            }
        }

        foreach (var (process, procedure, path) in context.Procedures())
        {
            if (!string.IsNullOrWhiteSpace(procedure.Purpose)) continue;
            context.Report(this, process, path + ".purpose",
                $"{Describe.Procedure(procedure)} has no purpose; add 'purpose:' to say what it achieves");
        }
    }
}
