namespace Plumb.Mining.EventLogs;

/// <summary>
/// Several logs of one organisation (incidents, problems, changes, interactions, each from its own file) as one log: cases
/// with the same id are one case (a record's activity rows and its detail row), events keep their time order, case attributes
/// are combined (the later log wins). Each case that does not say its table gets a <c>table</c> attribute from its log, so flow
/// across processes can tell incidents from changes.
/// </summary>
public static class EventLogMerge
{
    /// <summary>The logs as one; a single log is returned as it is.</summary>
    public static EventLog Merge(IReadOnlyList<EventLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.Count == 1) return logs[0];
        var builder = new EventLogBuilder { DropDuplicates = false };
        var tables = logs.Select(l => l.Table).Distinct().ToList();
        builder.Table = tables.Count == 1 ? tables[0] : null;
        var tableSlot = builder.AttributeSlot("table");
        foreach (var log in logs)
        {
            var activities = builder.ActivityNames.CodesOf(log.ActivityNames);
            var resources = builder.ResourceNames.CodesOf(log.ResourceNames);
            var groups = builder.GroupNames.CodesOf(log.GroupNames);
            var states = builder.StateValues.CodesOf(log.StateValues);
            var priorities = builder.PriorityValues.CodesOf(log.PriorityValues);
            static int Code(int[]? column, int[] codes, int e) => column is null || column[e] < 0 ? -1 : codes[column[e]];
            var caseIndex = new int[log.CaseCount];
            for (var c = 0; c < log.CaseCount; c++)
            {
                caseIndex[c] = builder.Case(log.CaseIds[c]);
                for (var e = log.Start(c); e < log.End(c); e++)
                {
                    builder.Add(caseIndex[c], activities[log.Activities[e]], log.Timestamps[e], Code(log.Resources, resources, e),
                        Code(log.Groups, groups, e), Code(log.States, states, e), Code(log.Priorities, priorities, e));
                }
            }

            foreach (var (name, attribute) in log.Attributes)
            {
                var slot = builder.AttributeSlot(name);
                for (var c = 0; c < log.CaseCount; c++)
                {
                    if (attribute.ValueOf(c) is { } value) builder.SetAttribute(slot, caseIndex[c], value);
                }
            }

            if (log.Table is { } table && !log.Attributes.ContainsKey("table"))
            {
                for (var c = 0; c < log.CaseCount; c++) builder.SetAttribute(tableSlot, caseIndex[c], table);
            }

            foreach (var remark in log.Notes.Remarks) builder.Remark(remark);
            builder.AddUnreadAttributes(log.Notes.UnreadAttributes);
            foreach (var problem in log.Notes.Problems) builder.Warn(problem);
            builder.SkippedRows += log.Notes.SkippedRows;
        }

        return builder.Build();
    }
}
