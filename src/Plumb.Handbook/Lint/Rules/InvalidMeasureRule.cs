namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Measures;

/// <summary>A KPI measure that cannot be read, or that names a step its process does not have.</summary>
public sealed class InvalidMeasureRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB120";

    /// <inheritdoc />
    public override string Name => "invalid-measure";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "A KPI's measure is valid measure language (docs/measure-language.md) and its step: targets name steps of the same process.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (string.IsNullOrWhiteSpace(kpi.Measure)) continue;
                var path = $"kpis[{i}].measure";
                var result = MeasureParser.Parse(kpi.Measure);
                if (result.Value is not { } measure)
                {
                    context.Report(this, process, path,
                        $"the measure of {Describe.Kpi(kpi)} cannot be read: {result.Error} (at character {result.Column}); see docs/measure-language.md");
                    continue;
                }

                var steps = process.Procedures.SelectMany(p => p.Steps).Select(s => s.Id).ToList();
                foreach (var target in MeasureTargets.Of(measure).Where(t => t.Kind == TargetKind.Step).DistinctBy(t => t.Value))
                {
                    if (steps.Contains(target.Value, StringComparer.Ordinal)) continue;
                    context.Report(this, process, path,
                        $"the measure of {Describe.Kpi(kpi)} names 'step:{target.Value}', but {Describe.Process(process)} has no such step"
                        + Describe.DidYouMean(target.Value, steps));
                }
            }
        }
    }
}
