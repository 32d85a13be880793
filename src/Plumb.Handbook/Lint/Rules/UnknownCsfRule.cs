namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A KPI evidences a critical success factor its process does not list.</summary>
public sealed class UnknownCsfRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB106";

    /// <inheritdoc />
    public override string Name => "unknown-csf";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "A KPI's csf names a critical success factor of its process.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (kpi.Csf is not { Length: > 0 } csf || process.Csfs.Any(c => c.Id == csf)) continue;
                context.Report(this, process, $"kpis[{i}].csf",
                    $"{Describe.Kpi(kpi)} evidences '{csf}', but {Describe.Process(process)} has no such critical success factor under csfs"
                    + Describe.DidYouMean(csf, process.Csfs.Select(c => c.Id)));
            }
        }
    }
}
