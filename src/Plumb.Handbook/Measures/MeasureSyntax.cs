namespace Plumb.Handbook.Measures;

/// <summary>A parsed KPI measure: what is aggregated and how results are grouped (docs/measure-language.md).</summary>
public sealed record Measure(Aggregate Aggregate, IReadOnlyList<Grouping> Groupings);

/// <summary>What a measure computes over the cases of an event log.</summary>
public abstract record Aggregate;

/// <summary>The number of cases matching a condition (all cases when it is null).</summary>
public sealed record CountAggregate(Condition? Where) : Aggregate;

/// <summary>The percentage of cases matching <see cref="Where"/> among those matching <see cref="Of"/> (all when null).</summary>
public sealed record RatioAggregate(Condition Where, Condition? Of) : Aggregate;

/// <summary>A statistic over the per-case durations, in hours, between two milestones.</summary>
public sealed record DurationAggregate(Statistic Statistic, Milestone From, Milestone To, Condition? Where) : Aggregate;

/// <summary>A statistic over durations: mean, median, min, max or a percentile.</summary>
public sealed record Statistic(StatisticKind Kind, int Percentile = 0)
{
    /// <inheritdoc />
    public override string ToString() => Kind == StatisticKind.Percentile ? $"p{Percentile}" : Kind.ToString().ToLowerInvariant();
}

/// <summary>The kinds of statistic.</summary>
public enum StatisticKind
{
    /// <summary>Arithmetic mean.</summary>
    Mean,

    /// <summary>Median.</summary>
    Median,

    /// <summary>Smallest value.</summary>
    Min,

    /// <summary>Largest value.</summary>
    Max,

    /// <summary>A percentile (nearest rank).</summary>
    Percentile,
}

/// <summary>A point in a case's history: its start, its end, or the first or last event matching a target.</summary>
public sealed record Milestone(MilestoneKind Kind, Target? Target = null, bool Last = false);

/// <summary>The kinds of milestone.</summary>
public enum MilestoneKind
{
    /// <summary>The case's first event.</summary>
    Start,

    /// <summary>The case's last event.</summary>
    End,

    /// <summary>An event matching a target.</summary>
    Target,
}

/// <summary>Which events a milestone or predicate looks for: those of a step, an activity name, or a state value.</summary>
public sealed record Target(TargetKind Kind, string Value);

/// <summary>The kinds of event target.</summary>
public enum TargetKind
{
    /// <summary>Events the step's tool mapping maps to it.</summary>
    Step,

    /// <summary>Events with this activity name.</summary>
    Activity,

    /// <summary>The state field reaching this value.</summary>
    State,

    /// <summary>A date field of the record (<c>resolved_at</c>, <c>opened_at</c>): as a milestone its time, for <c>has</c> whether it is set.</summary>
    Field,
}

/// <summary>A comparison operator.</summary>
public enum Comparison
{
    /// <summary>=</summary>
    Equal,

    /// <summary>!=</summary>
    NotEqual,

    /// <summary>&lt;</summary>
    Less,

    /// <summary>&lt;=</summary>
    LessOrEqual,

    /// <summary>&gt;</summary>
    Greater,

    /// <summary>&gt;=</summary>
    GreaterOrEqual,
}

/// <summary>A condition on a case.</summary>
public abstract record Condition;

/// <summary>Both sides hold.</summary>
public sealed record AndCondition(Condition Left, Condition Right) : Condition;

/// <summary>Either side holds.</summary>
public sealed record OrCondition(Condition Left, Condition Right) : Condition;

/// <summary>The inner condition does not hold.</summary>
public sealed record NotCondition(Condition Inner) : Condition;

/// <summary>The case has at least one event matching the target.</summary>
public sealed record HasCondition(Target Target) : Condition;

/// <summary>The number of events matching the target compares to a number.</summary>
public sealed record VisitsCondition(Target Target, Comparison Comparison, double Count) : Condition;

/// <summary>The time between two milestones compares to a duration.</summary>
public sealed record DurationCondition(Milestone From, Milestone To, Comparison Comparison, TimeSpan Duration) : Condition;

/// <summary>A case attribute or derived field compares to a value.</summary>
public sealed record FieldCondition(string Field, Comparison Comparison, string Value) : Condition;

/// <summary>A case attribute or derived field is one of several values.</summary>
public sealed record InCondition(string Field, IReadOnlyList<string> Values) : Condition;

/// <summary>How results are grouped: by calendar period of the case start, or by a field.</summary>
public sealed record Grouping(GroupingKind Kind, string Value);

/// <summary>The kinds of grouping.</summary>
public enum GroupingKind
{
    /// <summary>A calendar period: day, week, month, quarter or year.</summary>
    Period,

    /// <summary>A case attribute or derived field.</summary>
    Field,
}
