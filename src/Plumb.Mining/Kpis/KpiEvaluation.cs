namespace Plumb.Mining.Kpis;

using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;

/// <summary>Red, amber or green against a KPI's target.</summary>
public enum RagStatus
{
    /// <summary>The target is met.</summary>
    Green,

    /// <summary>Missed, but within 10% of the target (on the wrong side).</summary>
    Amber,

    /// <summary>Missed by more than 10% of the target.</summary>
    Red,
}

/// <summary>A KPI value for one slice (all cases, a period, a group, or a key of the measure's own grouping) with its status.</summary>
public sealed record KpiCell(string Key, double? Value, int Cases, RagStatus? Status);

/// <summary>One KPI evaluated on a log: overall, by the measure's own grouping, by month and by assignment group.</summary>
public sealed record KpiResult(string Id, string Name, string? Measure, string? Unit, double? Target, KpiDirection Direction,
    KpiCell? Overall, IReadOnlyList<KpiCell> ByMeasure, IReadOnlyList<KpiCell> ByPeriod, IReadOnlyList<KpiCell> ByGroup, string? Error)
{
    /// <summary>
    /// Why the KPI cannot be measured on this log (what it depends on is absent, e.g. "the log has no assignment group column"),
    /// or null; such a KPI has no value and no status, never a 0 % or 100 % from missing data.
    /// </summary>
    public string? NotMeasurable { get; init; }
}

/// <summary>Evaluates the KPIs of a process on a log against their targets.</summary>
public static class KpiEvaluation
{
    /// <summary>
    /// The status of a value: green when it meets the target; amber when it misses by at most 10% of the target's magnitude
    /// (e.g. target 8 hours, lower is better: up to 8.8 is amber); red beyond; null without a target or a value.
    /// </summary>
    public static RagStatus? Status(Kpi kpi, double? value)
    {
        if (kpi.Target is not { } target || value is not { } v) return null;
        if (kpi.Meets(v)) return RagStatus.Green;
        // A hair of tolerance so 8.8 against a target of 8 is amber, not lost to floating-point rounding.
        return Math.Abs(v - target) <= 0.1 * Math.Abs(target) * (1 + 1e-9) ? RagStatus.Amber : RagStatus.Red;
    }

    /// <summary>Evaluates every KPI of the process; a measure that does not parse or names an unknown step gives an error, not a throw.</summary>
    public static IReadOnlyList<KpiResult> Evaluate(EventLog log, Process process, string period = "month")
    {
        var evaluator = new MeasureEvaluator(log, process);
        var results = new List<KpiResult>();
        foreach (var kpi in process.Kpis)
        {
            if (string.IsNullOrWhiteSpace(kpi.Measure))
            {
                results.Add(new KpiResult(kpi.Id, kpi.Name, kpi.Measure, kpi.Unit, kpi.Target, kpi.Direction, null, [], [], [], "the KPI has no measure"));
                continue;
            }

            var parsed = MeasureParser.Parse(kpi.Measure);
            if (!parsed.Succeeded)
            {
                results.Add(new KpiResult(kpi.Id, kpi.Name, kpi.Measure, kpi.Unit, kpi.Target, kpi.Direction, null, [], [], [],
                    $"column {parsed.Column}: {parsed.Error}"));
                continue;
            }

            try
            {
                var measure = parsed.Value!;
                // Events it needs are absent, or no case is in its slice: not a figure, but the reason there is none.
                var reason = evaluator.Unavailable(measure);
                var overall = reason is null ? evaluator.Overall(measure) : null;
                if (overall is not null) reason = evaluator.Empty(measure, overall);
                if (reason is not null || overall is null)
                {
                    results.Add(new KpiResult(kpi.Id, kpi.Name, kpi.Measure, kpi.Unit, kpi.Target, kpi.Direction, null, [], [], [], null)
                    {
                        NotMeasurable = reason,
                    });
                    continue;
                }

                KpiCell Cell(MeasureCell m) => new(m.Key, m.Value, m.Cases, Status(kpi, m.Value));
                results.Add(new KpiResult(kpi.Id, kpi.Name, kpi.Measure, kpi.Unit, kpi.Target, kpi.Direction,
                    Cell(overall),
                    evaluator.Grouped(measure).Select(Cell).ToList(),
                    evaluator.Grouped(measure, [new Grouping(GroupingKind.Period, period)]).Select(Cell).ToList(),
                    evaluator.Grouped(measure, [new Grouping(GroupingKind.Field, "group")]).Select(Cell).ToList(),
                    null));
            }
            catch (MeasureException e)
            {
                results.Add(new KpiResult(kpi.Id, kpi.Name, kpi.Measure, kpi.Unit, kpi.Target, kpi.Direction, null, [], [], [], e.Message));
            }
        }

        return results;
    }
}
