namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A KPI without a target.</summary>
public sealed class KpiWithoutTargetRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB119";

    /// <inheritdoc />
    public override string Name => "kpi-without-target";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every KPI has a target, so results can be judged.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (kpi.Target is not null) continue;
                context.Report(this, process, $"kpis[{i}]",
                    $"{Describe.Kpi(kpi)} has no target; add 'target:' (and 'direction: higher' or 'lower') so results can be judged");
            }
        }
    }
}
