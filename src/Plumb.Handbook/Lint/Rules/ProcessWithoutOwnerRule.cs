namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A process that names no owner.</summary>
public sealed class ProcessWithoutOwnerRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB126";

    /// <inheritdoc />
    public override string Name => "process-without-owner";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every process names its owner role.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            if (!string.IsNullOrWhiteSpace(process.Owner)) continue;
            context.Report(this, process, "owner", $"{Describe.Process(process)} has no owner; add 'owner:' with the role that answers for the process");
        }
    }
}
