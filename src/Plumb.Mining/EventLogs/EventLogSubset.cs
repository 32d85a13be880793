namespace Plumb.Mining.EventLogs;

/// <summary>
/// The cases of a log that concern one process. A log of several tables (a synced instance, a merged export of incidents,
/// problems and changes) holds cases of every process; an incident procedure replayed on problem records only lowers its
/// mapping coverage and fitness, and an incident KPI counted over changes is a wrong figure.
/// </summary>
public static class EventLogSubset
{
    /// <summary>The ServiceNow tables the steps' tool mappings name, as <see cref="OfTables"/> takes them.</summary>
    public static IReadOnlySet<string> TablesOf(IEnumerable<Plumb.Handbook.Model.Step> steps) =>
        steps.Select(s => s.Tool?.Table).OfType<string>().Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The cases of <paramref name="log"/> whose <c>table</c> is one of <paramref name="tables"/>, with every column and
    /// attribute kept; cases that name no table are kept. The log itself when every case qualifies, when no tables are given,
    /// or when the log has no per-case table.
    /// </summary>
    public static EventLog OfTables(EventLog log, IReadOnlySet<string> tables)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0 || log.FindAttribute("table") is not { } table) return log;
        var keep = new List<int>(log.CaseCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (table.ValueOf(c) is not { Length: > 0 } t || tables.Contains(t)) keep.Add(c);
        }

        if (keep.Count == log.CaseCount) return log;
        var left = log.CaseCount - keep.Count;
        return Cases(log, keep, $"{left:N0} case(s) of other tables than {string.Join(", ", tables.Order(StringComparer.Ordinal))} left out");
    }

    private static EventLog Cases(EventLog log, List<int> keep, string remark)
    {
        var offsets = new int[keep.Count + 1];
        for (var i = 0; i < keep.Count; i++) offsets[i + 1] = offsets[i] + log.End(keep[i]) - log.Start(keep[i]);
        var events = offsets[^1];
        var ids = new StringTable(packed: true);
        foreach (var c in keep) ids.Intern(log.CaseIds[c]);
        int[] Events(int[] column)
        {
            var copy = new int[events];
            for (var i = 0; i < keep.Count; i++) Array.Copy(column, log.Start(keep[i]), copy, offsets[i], offsets[i + 1] - offsets[i]);
            return copy;
        }

        var times = new long[events];
        for (var i = 0; i < keep.Count; i++) Array.Copy(log.Timestamps, log.Start(keep[i]), times, offsets[i], offsets[i + 1] - offsets[i]);
        var columns = new EventLogColumns
        {
            CaseIds = ids, CaseOffsets = offsets, Activities = Events(log.Activities), Timestamps = times,
            Resources = log.Resources is { } r ? Events(r) : null, Groups = log.Groups is { } g ? Events(g) : null,
            States = log.States is { } s ? Events(s) : null, Priorities = log.Priorities is { } p ? Events(p) : null,
            ActivityNames = log.ActivityNames, ResourceNames = log.ResourceNames, GroupNames = log.GroupNames,
            StateValues = log.StateValues, PriorityValues = log.PriorityValues,
        };
        var attributes = log.Attributes.ToDictionary(a => a.Key,
            a => new CaseAttribute(a.Value.Name, a.Value.Values, [.. keep.Select(c => a.Value.Codes[c])]), StringComparer.Ordinal);
        var eventAttributes = log.EventAttributes.ToDictionary(a => a.Key,
            a => new EventAttribute(a.Value.Name, a.Value.Values, Events(a.Value.Codes)), StringComparer.Ordinal);
        return new EventLog(columns, attributes, log.Notes with { Remarks = [.. log.Notes.Remarks, remark] })
        {
            Table = log.Table, EventAttributes = eventAttributes,
        };
    }
}
