namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A KPI without a measure cannot be computed from tickets.</summary>
public sealed class KpiWithoutMeasureRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB121";

    /// <inheritdoc />
    public override string Name => "kpi-without-measure";

    /// <inheritdoc />
    public override Severity Severity => Severity.Hint;

    /// <inheritdoc />
    public override string Description => "Every KPI has a measure, so Plumb can compute it from ticket history.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (!string.IsNullOrWhiteSpace(kpi.Measure)) continue;
                context.Report(this, process, $"kpis[{i}]",
                    $"{Describe.Kpi(kpi)} has no measure, so it cannot be computed from tickets; add 'measure:' (see docs/measure-language.md)");
            }
        }
    }
}
