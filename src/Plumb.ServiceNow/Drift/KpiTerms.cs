namespace Plumb.ServiceNow.Drift;

using System.Text.RegularExpressions;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

/// <summary>How a KPI's words relate to SLA definitions: its time unit, whether it is about response or resolution, and a priority it names.</summary>
public static partial class KpiTerms
{
    /// <summary>The length of one unit (<c>hours</c> → 1 h), or null when the unit is not a time.</summary>
    public static TimeSpan? TimeUnit(string? unit) => unit?.Trim().ToLowerInvariant() switch
    {
        "h" or "hr" or "hrs" or "hour" or "hours" or "business hours" => TimeSpan.FromHours(1),
        "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
        "d" or "day" or "days" or "business days" => TimeSpan.FromDays(1),
        "s" or "sec" or "second" or "seconds" => TimeSpan.FromSeconds(1),
        _ => null,
    };

    /// <summary>The KPI's target as a duration, when it has a target in a time unit.</summary>
    public static TimeSpan? TargetDuration(Kpi kpi) =>
        kpi.Target is { } target && TimeUnit(kpi.Unit) is { } unit ? TimeSpan.FromTicks((long)(unit.Ticks * target)) : null;

    /// <summary><c>resolution</c> or <c>response</c> from the words of a text, or null.</summary>
    public static string? Kind(string text)
    {
        var lower = text.ToLowerInvariant();
        if (Resolution().IsMatch(lower)) return "resolution";
        if (Response().IsMatch(lower)) return "response";
        return null;
    }

    /// <summary>The kind of a KPI: from its measure first, else from its name and definition.</summary>
    public static string? Kind(Kpi kpi) => Kind(kpi.Measure ?? "") ?? Kind($"{kpi.Name} {kpi.Definition}");

    /// <summary>The kind of an SLA definition: its target field, else its name.</summary>
    public static string? Kind(SlaDefinition sla) => sla.Target is "response" or "resolution" ? sla.Target : Kind(sla.Name);

    /// <summary>A priority (1–5) a text names (<c>priority = 1</c>, <c>P1</c>), or null.</summary>
    public static string? Priority(string text) =>
        PriorityWords().Match(text) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;

    /// <summary>The priority an SLA definition applies to: from its start condition, else its name.</summary>
    public static string? Priority(SlaDefinition sla) =>
        ConditionPriority().Match(sla.StartCondition) is { Success: true } m ? m.Groups[1].Value : Priority(sla.Name);

    [GeneratedRegex(@"resol|restor|\bfix|\bclos")]
    private static partial Regex Resolution();

    [GeneratedRegex(@"respon|assign|acknowledg|first touch|pick ?up")]
    private static partial Regex Response();

    [GeneratedRegex(@"\bpriority\s*(?:=|==|is)?\s*([1-5])\b|\bP([1-5])\b", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityWords();

    [GeneratedRegex(@"\bpriority=([1-5])\b")]
    private static partial Regex ConditionPriority();
}
