namespace Plumb.Mining.Kpis;

using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;

/// <summary>A measure's value over a set of cases: null when no case qualifies (a ratio of nothing, a duration of none).</summary>
public sealed record MeasureCell(string Key, double? Value, int Cases);

/// <summary>
/// Evaluates measures of the KPI measure language (docs/measure-language.md) on an event log: counts of cases, ratios in
/// percent, duration statistics in hours (nearest-rank percentiles), grouped by calendar period or by field. Conditions are
/// evaluated once per log as a flag per case, and shared by every slice.
/// </summary>
public sealed class MeasureEvaluator
{
    private readonly CaseFacts _facts;
    private readonly Dictionary<Condition, bool[]> _masks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Grouping, (NarrowCodes Codes, StringTable Keys)> _keys = [];

    /// <summary>An evaluator for a log; <paramref name="process"/> resolves <c>step:</c> targets through the steps' tool mappings.</summary>
    public MeasureEvaluator(EventLog log, Process? process) => _facts = new CaseFacts(log, process);

    /// <summary>Why the measure cannot be measured on this log (the events or fields it depends on are absent), or null.</summary>
    public string? Unavailable(Measure measure) => _facts.Unavailable(measure);

    /// <summary>
    /// Why the overall figure is not a figure: the slice it is taken over has no case (a ratio whose <c>of</c> keeps nothing, a
    /// duration no case has both ends of, a filter that keeps nothing), naming the filter and, for a field, the values the log has
    /// ("no case has priority = 1; the log's priority values are Major, High, Medium, Low"); null when the figure stands. A count of
    /// zero over a log with cases is a figure.
    /// </summary>
    public string? Empty(Measure measure, MeasureCell overall)
    {
        if (_facts.Log.CaseCount == 0) return "the log has no cases";
        if (overall.Value is not null) return null;
        switch (measure.Aggregate)
        {
            case RatioAggregate { Of: { } of }:
                return NoCase(of);
            case DurationAggregate duration:
                if (duration.Where is { } where && !Mask(where).Contains(true)) return NoCase(where);
                return $"no case has both {Describe(duration.From)} and {Describe(duration.To)}"
                    + (duration.Where is null ? "" : $" among the cases where {Describe(duration.Where)}");
            default:
                return "no case qualifies";
        }
    }

    // The filter that keeps nothing, and for the field tests in it that no case passes, the values the log has instead.
    private string NoCase(Condition condition)
    {
        var reason = $"no case has {Describe(condition)}";
        var fields = Leaves(condition).OfType<FieldCondition>().Select(f => (f.Field, Condition: (Condition)f))
            .Concat(Leaves(condition).OfType<InCondition>().Select(i => (i.Field, Condition: (Condition)i)))
            .Where(f => !Mask(f.Condition).Contains(true)).Select(f => f.Field).Distinct(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var column = _facts.Field(field);
            var counts = new int[column.Values.Count];
            for (var c = 0; c < column.Codes.Count; c++)
            {
                if (column.Codes[c] is var code && code >= 0) counts[code]++;
            }

            var values = Enumerable.Range(0, counts.Length).Where(v => counts[v] > 0).OrderByDescending(v => counts[v])
                .Select(v => column.Values[v]).ToList();
            reason += values.Count == 0 ? $"; no case of the log has a {field}"
                : $"; the log's {field} values are {string.Join(", ", values.Take(8))}{(values.Count > 8 ? $" and {values.Count - 8} more" : "")}";
        }

        return reason;
    }

    private static IEnumerable<Condition> Leaves(Condition condition) => condition switch
    {
        AndCondition a => Leaves(a.Left).Concat(Leaves(a.Right)),
        OrCondition o => Leaves(o.Left).Concat(Leaves(o.Right)),
        NotCondition n => Leaves(n.Inner),
        _ => [condition],
    };

    /// <summary>A condition as the measure language writes it.</summary>
    private static string Describe(Condition condition) => condition switch
    {
        AndCondition a => $"{Describe(a.Left)} and {Describe(a.Right)}",
        OrCondition o => $"({Describe(o.Left)} or {Describe(o.Right)})",
        NotCondition n => $"not {Describe(n.Inner)}",
        HasCondition h => $"{Describe(h.Target)}",
        VisitsCondition v => $"visits {Describe(v.Target)} {Symbol(v.Comparison)} {v.Count}",
        DurationCondition d => $"duration from {Describe(d.From)} to {Describe(d.To)} {Symbol(d.Comparison)} {d.Duration.TotalHours}h",
        FieldCondition f => $"{f.Field} {Symbol(f.Comparison)} {f.Value}",
        InCondition i => $"{i.Field} in ({string.Join(", ", i.Values)})",
        _ => condition.GetType().Name,
    };

    private static string Describe(Milestone milestone) => milestone.Kind switch
    {
        MilestoneKind.Start => "a start",
        MilestoneKind.End => "an end",
        _ => (milestone.Last ? "last " : "") + Describe(milestone.Target!),
    };

    private static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Activity => $"\"{target.Value}\"",
        _ => $"{target.Kind.ToString().ToLowerInvariant()}:{target.Value}",
    };

    private static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.Equal => "=",
        Comparison.NotEqual => "!=",
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        _ => ">=",
    };

    /// <summary>The value over all cases.</summary>
    public MeasureCell Overall(Measure measure)
    {
        var (value, cases) = Evaluate(measure.Aggregate, null, 1)[0];
        return new MeasureCell("all", value, cases);
    }

    /// <summary>The values per key of the given groupings (the measure's own when null), keys sorted.</summary>
    public IReadOnlyList<MeasureCell> Grouped(Measure measure, IReadOnlyList<Grouping>? groupings = null)
    {
        groupings ??= measure.Groupings;
        if (groupings.Count == 0) return [];
        var cases = _facts.Log.CaseCount;
        var columns = groupings.Select(Keys).ToArray();
        NarrowCodes combined;
        StringTable names;
        if (columns.Length == 1)
        {
            (combined, names) = columns[0];
        }
        else
        {
            combined = new NarrowCodes(cases);
            names = new StringTable();
            for (var c = 0; c < cases; c++) combined[c] = names.Intern(string.Join(" / ", columns.Select(k => k.Keys[k.Codes[c]])));
        }

        var figures = Evaluate(measure.Aggregate, combined, names.Count);
        return Enumerable.Range(0, names.Count).OrderBy(k => names[k], StringComparer.Ordinal)
            .Select(k => new MeasureCell(names[k], figures[k].Value, figures[k].Cases)).ToList();
    }

    private (NarrowCodes Codes, StringTable Keys) Keys(Grouping grouping)
    {
        if (_keys.TryGetValue(grouping, out var cached)) return cached;
        var log = _facts.Log;
        var keys = new StringTable();
        var codes = new NarrowCodes(log.CaseCount);
        if (grouping.Kind == GroupingKind.Period)
        {
            // One formatted key per distinct day, not per case.
            var byDay = new Dictionary<long, int>();
            for (var c = 0; c < codes.Count; c++)
            {
                var day = log.Start(c) == log.End(c) ? -1 : log.Timestamps[log.Start(c)] / TimeSpan.TicksPerDay;
                if (!byDay.TryGetValue(day, out var code)) byDay[day] = code = keys.Intern(CaseDimensions.PeriodOf(log, c, grouping.Value));
                codes[c] = code;
            }
        }
        else
        {
            var field = _facts.Field(grouping.Value);
            if (!field.Codes.HasNone())
            {
                // Every case has a value: the field's own codes and values are the keys.
                _keys[grouping] = (field.Codes, field.Values);
                return (field.Codes, field.Values);
            }

            var none = -1;
            var map = new int[field.Values.Count];
            for (var v = 0; v < map.Length; v++) map[v] = keys.Intern(field.Values[v]);
            for (var c = 0; c < codes.Count; c++)
            {
                var v = field.Codes[c];
                codes[c] = v >= 0 ? map[v] : none >= 0 ? none : none = keys.Intern(CaseDimensions.None);
            }
        }

        _keys[grouping] = (codes, keys);
        return (codes, keys);
    }

    // The aggregate over the cases of each key (per case its key, or all cases under key 0 when null), in a pass or two over
    // the cases: no list of the cases of each key (4 bytes a case per grouping, when every slice was evaluated on its own).
    private (double? Value, int Cases)[] Evaluate(Aggregate aggregate, NarrowCodes? keyOfCase, int keys)
    {
        var cases = _facts.Log.CaseCount;
        var figures = new (double? Value, int Cases)[keys];
        switch (aggregate)
        {
            case CountAggregate count:
            {
                var mask = count.Where is null ? null : Mask(count.Where);
                var counted = new int[keys];
                for (var c = 0; c < cases; c++)
                {
                    var k = keyOfCase?[c] ?? 0;
                    figures[k].Cases++;
                    if (mask is null || mask[c]) counted[k]++;
                }

                for (var k = 0; k < keys; k++) figures[k].Value = counted[k];
                return figures;
            }

            case RatioAggregate ratio:
            {
                var where = Mask(ratio.Where);
                var of = ratio.Of is null ? null : Mask(ratio.Of);
                var matching = new int[keys];
                for (var c = 0; c < cases; c++)
                {
                    if (of is not null && !of[c]) continue;
                    var k = keyOfCase?[c] ?? 0;
                    figures[k].Cases++;
                    if (where[c]) matching[k]++;
                }

                for (var k = 0; k < keys; k++) figures[k].Value = figures[k].Cases == 0 ? null : 100.0 * matching[k] / figures[k].Cases;
                return figures;
            }

            case DurationAggregate duration:
            {
                var hours = _facts.Hours(duration.From, duration.To);
                var filter = duration.Where is null ? null : Mask(duration.Where);

                // One scratch buffer serves every slice: the hours of each key's cases bucketed in it in case order (a counting
                // sort), so a duration statistic allocates nothing per case. Rented: on one thread the step practice's waits
                // (plumb analyze runs the KPIs after them) and every other duration reuse it.
                var scratch = System.Buffers.ArrayPool<double>.Shared.Rent(cases);
                var start = new int[keys + 1];
                for (var c = 0; c < cases; c++)
                {
                    if ((filter is null || filter[c]) && !double.IsNaN(hours[c])) start[(keyOfCase?[c] ?? 0) + 1]++;
                }

                for (var k = 0; k < keys; k++) start[k + 1] += start[k];
                var fill = start[..^1];
                for (var c = 0; c < cases; c++)
                {
                    if ((filter is null || filter[c]) && hours[c] is var h && !double.IsNaN(h)) scratch[fill[keyOfCase?[c] ?? 0]++] = h;
                }

                for (var k = 0; k < keys; k++)
                {
                    var found = start[k + 1] - start[k];
                    if (found == 0) continue;

                    // Order statistics by selection, not a full sort: the same values, in linear time.
                    var values = scratch.AsSpan(start[k], found);
                    double value = duration.Statistic.Kind switch
                    {
                        StatisticKind.Mean => Statistics.Mean(Sorted(values)),
                        StatisticKind.Median => Statistics.MedianUnsorted(values),
                        StatisticKind.Min => Statistics.Select(values, 0),
                        StatisticKind.Max => Statistics.Select(values, found - 1),
                        _ => Statistics.PercentileUnsorted(values, duration.Statistic.Percentile),
                    };
                    figures[k] = (value, found);
                }

                System.Buffers.ArrayPool<double>.Shared.Return(scratch);
                return figures;
            }

            default:
                throw new MeasureException($"unknown aggregate {aggregate.GetType().Name}");
        }
    }

    // The mean adds the values in ascending order, as it always has, so figures stay the same to the last digit.
    private static Span<double> Sorted(Span<double> values)
    {
        values.Sort();
        return values;
    }

    /// <summary>Per case, whether the condition holds; cached per condition.</summary>
    private bool[] Mask(Condition condition)
    {
        if (_masks.TryGetValue(condition, out var cached)) return cached;
        var cases = _facts.Log.CaseCount;
        var mask = new bool[cases];
        switch (condition)
        {
            case AndCondition a:
                var (l, r) = (Mask(a.Left), Mask(a.Right));
                for (var c = 0; c < cases; c++) mask[c] = l[c] && r[c];
                break;
            case OrCondition o:
                var (ol, or) = (Mask(o.Left), Mask(o.Right));
                for (var c = 0; c < cases; c++) mask[c] = ol[c] || or[c];
                break;
            case NotCondition n:
                var inner = Mask(n.Inner);
                for (var c = 0; c < cases; c++) mask[c] = !inner[c];
                break;
            case HasCondition h:
                // From the events' flags: no count of visits per case is kept for a test of any.
                var flags = _facts.Matches(h.Target);
                var log = _facts.Log;
                for (var c = 0; c < cases; c++)
                {
                    for (var e = log.Start(c); e < log.End(c) && !mask[c]; e++) mask[c] = flags[e];
                }

                break;
            case VisitsCondition v:
                var visits = _facts.Visits(v.Target);
                for (var c = 0; c < cases; c++) mask[c] = Compare(visits[c], v.Comparison, v.Count);
                break;
            case DurationCondition d:
                var hours = _facts.Hours(d.From, d.To);
                var limit = d.Duration.TotalHours;
                for (var c = 0; c < cases; c++) mask[c] = hours[c] is var h && !double.IsNaN(h) && Compare(h, d.Comparison, limit);
                break;
            case FieldCondition f:
                FillByValue(f.Field, mask, (value, number) => FieldHolds(value, number, f.Comparison, f.Value), f.Comparison == Comparison.NotEqual);
                break;
            case InCondition i:
                FillByValue(i.Field, mask, (value, number) => i.Values.Any(x => Same(value, number, x)), false);
                break;
            default:
                throw new MeasureException($"unknown condition {condition.GetType().Name}");
        }

        _masks[condition] = mask;
        return mask;
    }

    // A case without the field matches only "!=": it is not equal to anything.
    private void FillByValue(string field, bool[] mask, Func<string, double?, bool> test, bool whenMissing)
    {
        var column = _facts.Field(field);
        var byCode = new bool[column.Values.Count];
        for (var v = 0; v < byCode.Length; v++) byCode[v] = test(column.Values[v], column.Numbers[v]);
        for (var c = 0; c < mask.Length; c++) mask[c] = column.Codes[c] is var code && code >= 0 ? byCode[code] : whenMissing;
    }

    private static bool FieldHolds(string actual, double? number, Comparison comparison, string expected)
    {
        if (number is { } a && FieldColumn.Number(expected) is { } b) return Compare(a, comparison, b);
        return Compare(string.Compare(actual, expected, StringComparison.OrdinalIgnoreCase), comparison, 0);
    }

    private static bool Same(string actual, double? number, string expected) =>
        number is { } a && FieldColumn.Number(expected) is { } b ? a == b : string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

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
