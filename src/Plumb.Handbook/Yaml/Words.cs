namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Model;

/// <summary>The words the YAML format uses for enumerations, shared by reader, writer and schema.</summary>
public static class Words
{
    /// <summary>Process statuses.</summary>
    public static readonly (string, ProcessStatus)[] ProcessStatuses =
        [("draft", ProcessStatus.Draft), ("in-review", ProcessStatus.InReview), ("published", ProcessStatus.Published)];

    /// <summary>KPI directions.</summary>
    public static readonly (string, KpiDirection)[] KpiDirections = [("higher", KpiDirection.Higher), ("lower", KpiDirection.Lower)];

    /// <summary>Step kinds.</summary>
    public static readonly (string, StepKind)[] StepKinds = [("user", StepKind.User), ("manual", StepKind.Manual), ("service", StepKind.Service)];

    /// <summary>Join kinds.</summary>
    public static readonly (string, JoinKind)[] JoinKinds = [("any", JoinKind.Any), ("all", JoinKind.All)];

    /// <summary>Decision kinds.</summary>
    public static readonly (string, DecisionKind)[] DecisionKinds = [("exclusive", DecisionKind.Exclusive), ("parallel", DecisionKind.Parallel)];

    /// <summary>Finding severities.</summary>
    public static readonly (string, FindingSeverity)[] FindingSeverities =
        [("low", FindingSeverity.Low), ("medium", FindingSeverity.Medium), ("high", FindingSeverity.High), ("critical", FindingSeverity.Critical)];

    /// <summary>Finding statuses.</summary>
    public static readonly (string, FindingStatus)[] FindingStatuses =
        [("open", FindingStatus.Open), ("planned", FindingStatus.Planned), ("done", FindingStatus.Done), ("rejected", FindingStatus.Rejected)];

    /// <summary>The word for <paramref name="value"/>.</summary>
    public static string Of<T>((string Word, T Value)[] words, T value)
        where T : struct, Enum => words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Word;
}
