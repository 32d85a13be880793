namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A critical success factor that no KPI evidences.</summary>
public sealed class CsfWithoutKpiRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB122";

    /// <inheritdoc />
    public override string Name => "csf-without-kpi";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every critical success factor is evidenced by at least one KPI (a KPI whose csf names it).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            for (var i = 0; i < process.Csfs.Count; i++)
            {
                var csf = process.Csfs[i];
                if (csf.Id.Length == 0 || process.Kpis.Any(k => k.Csf == csf.Id)) continue;
                context.Report(this, process, $"csfs[{i}]",
                    $"the critical success factor '{csf.Id}' has no KPI; add a KPI with 'csf: {csf.Id}' so its success can be measured");
            }
        }
    }
}
