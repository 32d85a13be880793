namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>An open finding nobody owns.</summary>
public sealed class FindingWithoutOwnerRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB129";

    /// <inheritdoc />
    public override string Name => "finding-without-owner";

    /// <inheritdoc />
    public override Severity Severity => Severity.Hint;

    /// <inheritdoc />
    public override string Description => "An open finding names who owns it.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var (process, finding, path) in context.Findings())
        {
            if (finding.Status != FindingStatus.Open || !string.IsNullOrWhiteSpace(finding.Owner)) continue;
            context.Report(this, process, path, $"the open finding '{finding.Id}' has no owner; add 'owner:' so someone follows it up");
        }
    }
}
