namespace Plumb.Mining.Discovery;

using Plumb.Mining.EventLogs;

/// <summary>Work crossing from one process to another through a link field: how often, and how fast (case start to case start).</summary>
public sealed record ProcessLink(string FromTable, string ToTable, string Field, int Links, int SourceCases, double Share, double MedianHours);

/// <summary>
/// Flow across processes where records link: an incident's <c>problem_id</c> (incident → problem), its <c>rfc</c>
/// (incident → change), a change that <c>caused_by</c> incidents (change → incident), an interaction's <c>incident</c>
/// (interaction → incident), a <c>parent_incident</c>. A link resolves when its value is another case's sys_id or number.
/// </summary>
public static class CrossProcessFlow
{
    private static readonly (string Field, bool Reversed)[] LinkFields =
        [("problem_id", false), ("rfc", false), ("caused_by", true), ("incident", false), ("parent_incident", false), ("parent", false)];

    /// <summary>The links found in the log, by table pair and field.</summary>
    public static IReadOnlyList<ProcessLink> Discover(EventLog log)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sysIds = log.FindAttribute("sys_id");
        for (var c = 0; c < log.CaseCount; c++)
        {
            byKey.TryAdd(log.CaseIds[c], c);
            if (sysIds?.ValueOf(c) is { } sysId) byKey.TryAdd(sysId, c);
        }

        var tables = log.FindAttribute("table");
        string TableOf(int c) => tables?.ValueOf(c) ?? "case";
        var result = new List<ProcessLink>();
        foreach (var (field, reversed) in LinkFields)
        {
            if (log.FindAttribute(field) is not { } attribute) continue;
            var groups = new Dictionary<(string, string), (List<double> Hours, int Cases)>();
            var sourcesPerTable = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < log.CaseCount; c++) sourcesPerTable[TableOf(c)] = sourcesPerTable.GetValueOrDefault(TableOf(c)) + 1;
            for (var c = 0; c < log.CaseCount; c++)
            {
                if (attribute.ValueOf(c) is not { Length: > 0 } value || !byKey.TryGetValue(value, out var other) || other == c) continue;
                var (from, to) = reversed ? (other, c) : (c, other);
                var key = (TableOf(from), TableOf(to));
                if (!groups.TryGetValue(key, out var entry)) entry = ([], 0);
                entry.Hours.Add((log.Timestamps[log.Start(to)] - log.Timestamps[log.Start(from)]) / (double)TimeSpan.TicksPerHour);
                groups[key] = (entry.Hours, entry.Cases + 1);
            }

            foreach (var ((fromTable, toTable), (hours, links)) in groups)
            {
                hours.Sort();
                var sources = sourcesPerTable.GetValueOrDefault(fromTable);
                result.Add(new ProcessLink(fromTable, toTable, field, links, sources, sources == 0 ? 0 : (double)links / sources,
                    Statistics.Median(hours.ToArray())));
            }
        }

        return result;
    }
}
