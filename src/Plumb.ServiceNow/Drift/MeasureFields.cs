namespace Plumb.ServiceNow.Drift;

using System.Text.RegularExpressions;

/// <summary>
/// Finds the ticket fields a KPI measure needs: the fields it groups by (<c>by priority</c>), filters on
/// (<c>where category = network</c>), or names outright (<c>field:reassignment_count</c>, <c>incident.reopen_count</c>).
/// Period words (<c>by month</c>) and step references (<c>step:resolve</c>) are not fields.
/// </summary>
public static partial class MeasureFields
{
    private static readonly HashSet<string> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        "period", "hour", "day", "week", "month", "quarter", "year", "weekday", "case", "cases", "ticket", "tickets", "step", "activity",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = "assignment_group", ["assignee"] = "assigned_to", ["service"] = "business_service", ["ci"] = "cmdb_ci",
        ["caller"] = "caller_id", ["channel"] = "contact_type",
    };

    /// <summary>The field names the measure refers to, aliases resolved, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Extract(string? measure)
    {
        var fields = new List<string>();
        if (string.IsNullOrWhiteSpace(measure)) return fields;
        foreach (Match m in GroupBy().Matches(measure))
        {
            foreach (var word in m.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(fields, word);
        }

        foreach (Match m in Filter().Matches(measure)) Add(fields, m.Groups[1].Value);
        foreach (Match m in Named().Matches(measure)) Add(fields, m.Groups[1].Value);
        return fields;
    }

    private static void Add(List<string> fields, string word)
    {
        word = word.Trim();
        if (word.Length == 0 || Periods.Contains(word) || word.Contains(':', StringComparison.Ordinal)) return;
        var field = Aliases.GetValueOrDefault(word, word);
        if (!fields.Contains(field)) fields.Add(field);
    }

    [GeneratedRegex(@"\bby\s+([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupBy();

    [GeneratedRegex(@"\b(?:where|and|or)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|!=|<>|<=|>=|<|>|\bin\b|\bis\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Filter();

    [GeneratedRegex(@"\b(?:field:|(?:incident|problem|change_request|sc_req_item|task)\.)([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Named();
}
