namespace Plumb.Mining.Discovery;

using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;

/// <summary>
/// Work crossing from one process to another through a link field: how many cases of the source table link (whether or not the
/// linked record is in the log), their share of the table's cases, how many links resolve to a case of the log, and the median
/// hours from the first case's start to the second's over those that resolve (null when none does).
/// </summary>
public sealed record ProcessLink(string FromTable, string ToTable, string Field, int Links, int SourceCases, double Share, double? MedianHours)
{
    /// <summary>Links whose other record is a case of the log, so the time between the two is known.</summary>
    public int Resolved { get; init; }
}

/// <summary>
/// Flow across processes where records link: an incident's <c>problem_id</c> (incident → problem), its <c>rfc</c> or
/// <c>Related Change</c> (incident → change), a change that <c>caused_by</c> incidents (change → incident), an interaction's
/// <c>incident</c> or <c>Related Incident</c> (interaction → incident), a <c>Related Interaction</c>, a <c>parent_incident</c>,
/// a <c>parent</c>. A link counts when the field holds a value; it resolves when the value is another case's sys_id or number.
/// The linked table is the other case's, else the one its number names (PRB…, CHG…), else the one the field names.
/// </summary>
public static class CrossProcessFlow
{
    private static readonly (string Field, bool Reversed, string? Table)[] LinkFields =
    [
        ("problem_id", false, "problem"), ("rfc", false, "change_request"), ("Related Change", false, "change_request"),
        ("caused_by", true, "change_request"), ("incident", false, "incident"), ("Related Incident", false, "incident"),
        ("Related Interaction", true, "interaction"), ("parent_incident", false, "incident"), ("parent", false, null),
    ];

    /// <summary>The reference fields a link is read from (kept by a reader that keeps only the fields mining reads).</summary>
    internal static IEnumerable<string> LinkFieldNames => LinkFields.Select(f => f.Field);

    /// <summary>The links found in the log, by table pair and field.</summary>
    public static IReadOnlyList<ProcessLink> Discover(EventLog log)
    {
        // No reference field, no link: the index of every case id is not worth building (185k cases: ~50 ms and ~17 MB).
        if (!LinkFields.Any(f => log.FindAttribute(f.Field) is { } a && string.Equals(a.Name, f.Field, StringComparison.OrdinalIgnoreCase))) return [];
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sysIds = log.FindAttribute("sys_id");
        for (var c = 0; c < log.CaseCount; c++)
        {
            byKey.TryAdd(log.CaseIds[c], c);
            if (sysIds?.ValueOf(c) is { } sysId) byKey.TryAdd(sysId, c);
        }

        var tables = log.FindAttribute("table");
        string TableOf(int c) => tables?.ValueOf(c) ?? log.Table ?? TicketNumbers.TableOf(log.CaseIds[c]) ?? "case";
        var casesPerTable = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++) casesPerTable[TableOf(c)] = casesPerTable.GetValueOrDefault(TableOf(c)) + 1;
        var result = new List<ProcessLink>();
        foreach (var (field, reversed, fieldTable) in LinkFields)
        {
            if (log.FindAttribute(field) is not { } attribute || !string.Equals(attribute.Name, field, StringComparison.OrdinalIgnoreCase)) continue;
            var groups = new Dictionary<(string From, string To), (List<double> Hours, int Links)>();
            for (var c = 0; c < log.CaseCount; c++)
            {
                if (attribute.ValueOf(c) is not { Length: > 0 } value) continue;
                var known = byKey.TryGetValue(value, out var other) && other != c;
                var otherTable = known ? TableOf(other) : TicketNumbers.TableOf(value) ?? fieldTable ?? "case";
                var key = reversed ? (otherTable, TableOf(c)) : (TableOf(c), otherTable);
                if (!groups.TryGetValue(key, out var entry)) entry = ([], 0);
                if (known)
                {
                    var (from, to) = reversed ? (other, c) : (c, other);
                    entry.Hours.Add((log.Timestamps[log.Start(to)] - log.Timestamps[log.Start(from)]) / (double)TimeSpan.TicksPerHour);
                }

                groups[key] = (entry.Hours, entry.Links + 1);
            }

            foreach (var ((fromTable, toTable), (hours, links)) in groups)
            {
                hours.Sort();

                // The share is of the cases that hold the field: the source table's, or for a reversed link the target's.
                var holders = casesPerTable.GetValueOrDefault(reversed ? toTable : fromTable);
                result.Add(new ProcessLink(fromTable, toTable, field, links, holders, holders == 0 ? 0 : (double)links / holders,
                    hours.Count == 0 ? null : Statistics.Median(hours.ToArray())) { Resolved = hours.Count });
            }
        }

        return result;
    }
}
