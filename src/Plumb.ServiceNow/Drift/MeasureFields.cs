namespace Plumb.ServiceNow.Drift;

using Plumb.Handbook.Measures;

/// <summary>
/// Finds the ticket fields a KPI measure needs, read from the measure as the measure language parses it: the fields it
/// groups by (<c>by priority</c>), the fields its conditions compare (<c>where category = network</c>), and the record
/// date fields it names (<c>field:resolved_at</c>). Period groupings, step, state and activity targets are not fields,
/// nor are the fields the language derives from events (<c>reassignments</c>, <c>reopened</c>).
/// </summary>
public static class MeasureFields
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = "assignment_group", ["assignee"] = "assigned_to", ["service"] = "business_service", ["ci"] = "cmdb_ci",
        ["caller"] = "caller_id", ["channel"] = "contact_type",
    };

    // A field may be written with its table (incident.reopen_count); the table's dictionary names it without.
    private static readonly string[] TablePrefixes = ["incident.", "problem.", "change_request.", "sc_req_item.", "task."];

    /// <summary>
    /// The field names the measure refers to, aliases resolved, each once: groupings first, then conditions, then record
    /// date fields. A measure that does not parse (lint rule PLB115 reports it) names no field.
    /// </summary>
    public static IReadOnlyList<string> Extract(string? measure)
    {
        var fields = new List<string>();
        if (string.IsNullOrWhiteSpace(measure) || MeasureParser.Parse(measure).Value is not { } parsed) return fields;
        foreach (var grouping in parsed.Groupings.Where(g => g.Kind == GroupingKind.Field)) Add(fields, grouping.Value);
        foreach (var field in MeasureTargets.FieldsOf(parsed)) Add(fields, field);
        foreach (var target in MeasureTargets.Of(parsed).Where(t => t.Kind == TargetKind.Field)) Add(fields, target.Value);
        return fields;
    }

    private static void Add(List<string> fields, string word)
    {
        if (Plumb.Handbook.Measures.MeasureFields.Derived.Contains(word)) return;
        var prefix = TablePrefixes.FirstOrDefault(p => word.StartsWith(p, StringComparison.Ordinal) && word.Length > p.Length);
        var field = prefix is null ? Aliases.GetValueOrDefault(word, word) : word[prefix.Length..];
        if (!fields.Contains(field)) fields.Add(field);
    }
}
