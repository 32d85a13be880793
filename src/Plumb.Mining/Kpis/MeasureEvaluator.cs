namespace Plumb.Mining.Kpis;

using System.Globalization;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;

/// <summary>A measure's value over a set of cases: null when no case qualifies (a ratio of nothing, a duration of none).</summary>
public sealed record MeasureCell(string Key, double? Value, int Cases);

/// <summary>
/// Evaluates measures of the KPI measure language (docs/measure-language.md) on an event log: counts of cases, ratios in
/// percent, duration statistics in hours (nearest-rank percentiles), grouped by calendar period or by field.
/// </summary>
public sealed class MeasureEvaluator
{
    private readonly CaseFacts _facts;

    /// <summary>An evaluator for a log; <paramref name="process"/> resolves <c>step:</c> targets through the steps' tool mappings.</summary>
    public MeasureEvaluator(EventLog log, Process? process) => _facts = new CaseFacts(log, process);

    /// <summary>The value over all cases.</summary>
    public MeasureCell Overall(Measure measure) => Evaluate(measure.Aggregate, Enumerable.Range(0, _facts.Log.CaseCount).ToList(), "all");

    /// <summary>The values per key of the given groupings (the measure's own when null), keys sorted.</summary>
    public IReadOnlyList<MeasureCell> Grouped(Measure measure, IReadOnlyList<Grouping>? groupings = null)
    {
        groupings ??= measure.Groupings;
        if (groupings.Count == 0) return [];
        var log = _facts.Log;
        return Enumerable.Range(0, log.CaseCount)
            .GroupBy(c => string.Join(" / ", groupings.Select(g => KeyOf(g, c))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Evaluate(measure.Aggregate, g.ToList(), g.Key))
            .ToList();
    }

    private string KeyOf(Grouping grouping, int c) => grouping.Kind == GroupingKind.Period
        ? CaseDimensions.PeriodOf(_facts.Log, c, grouping.Value)
        : _facts.Field(grouping.Value, c) ?? CaseDimensions.None;

    private MeasureCell Evaluate(Aggregate aggregate, List<int> cases, string key)
    {
        switch (aggregate)
        {
            case CountAggregate count:
                var n = cases.Count(c => count.Where is null || Holds(count.Where, c));
                return new MeasureCell(key, n, cases.Count);
            case RatioAggregate ratio:
                var of = ratio.Of is null ? cases : cases.Where(c => Holds(ratio.Of, c)).ToList();
                if (of.Count == 0) return new MeasureCell(key, null, 0);
                var matching = of.Count(c => Holds(ratio.Where, c));
                return new MeasureCell(key, 100.0 * matching / of.Count, of.Count);
            case DurationAggregate duration:
                var values = new List<double>();
                foreach (var c in cases)
                {
                    if (duration.Where is not null && !Holds(duration.Where, c)) continue;
                    if (_facts.Hours(duration.From, duration.To, c) is { } hours) values.Add(hours);
                }

                if (values.Count == 0) return new MeasureCell(key, null, 0);
                values.Sort();
                var sorted = values.ToArray();
                double value = duration.Statistic.Kind switch
                {
                    StatisticKind.Mean => values.Average(),
                    StatisticKind.Median => Statistics.Median(sorted),
                    StatisticKind.Min => sorted[0],
                    StatisticKind.Max => sorted[^1],
                    _ => Statistics.Percentile(sorted, duration.Statistic.Percentile),
                };
                return new MeasureCell(key, value, values.Count);
            default:
                throw new MeasureException($"unknown aggregate {aggregate.GetType().Name}");
        }
    }

    private bool Holds(Condition condition, int c) => condition switch
    {
        AndCondition a => Holds(a.Left, c) && Holds(a.Right, c),
        OrCondition o => Holds(o.Left, c) || Holds(o.Right, c),
        NotCondition n => !Holds(n.Inner, c),
        HasCondition h => _facts.Visits(h.Target, c) > 0,
        VisitsCondition v => Compare(_facts.Visits(v.Target, c), v.Comparison, v.Count),
        DurationCondition d => _facts.Hours(d.From, d.To, c) is { } hours && Compare(hours, d.Comparison, d.Duration.TotalHours),
        FieldCondition f => FieldHolds(_facts.Field(f.Field, c), f.Comparison, f.Value),
        InCondition i => _facts.Field(i.Field, c) is { } value && i.Values.Any(v => Same(value, v)),
        _ => throw new MeasureException($"unknown condition {condition.GetType().Name}"),
    };

    // A case without the field matches only "!=": it is not equal to anything.
    private static bool FieldHolds(string? actual, Comparison comparison, string expected)
    {
        if (actual is null) return comparison == Comparison.NotEqual;
        if (Number(actual) is { } a && Number(expected) is { } b) return Compare(a, comparison, b);
        var order = string.Compare(actual, expected, StringComparison.OrdinalIgnoreCase);
        return Compare(order, comparison, 0);
    }

    private static bool Same(string actual, string expected) =>
        Number(actual) is { } a && Number(expected) is { } b ? a == b : string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static double? Number(string text)
    {
        // ServiceNow choice labels such as "1 - Critical" compare by their leading number.
        var span = text.AsSpan().Trim();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] is '.' or '-' && end == 0)) end++;
        if (end == 0) return null;
        if (end < span.Length && span[end] != ' ') return null;
        return double.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool Compare(double a, Comparison comparison, double b) => comparison switch
    {
        Comparison.Equal => a == b,
        Comparison.NotEqual => a != b,
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        _ => a >= b,
    };
}
