namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>One audited change of a field of a record.</summary>
internal sealed record AuditRow(long Time, string Field, string Old, string New, string User);

/// <summary>
/// Turns one task record and its audit rows into events (see <see cref="SnowJsonEventLogReader"/>). Besides state, group and
/// priority, the audited changes of <paramref name="stepFields"/> (the fields step mappings name: major_incident_state,
/// known_error, approval) become events named by <see cref="StateChangeDeriver.FieldChanged"/>, the new value kept per event.
/// </summary>
internal sealed class SnowHistory(EventLogBuilder builder, TimestampParser parser, SnowReferences references, IReadOnlyCollection<string> stepFields)
{
    // The per-event slot of each step field, made when the field's first change is seen.
    private readonly Dictionary<string, int> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _fields = new(stepFields.Where(f => !IsCoreField(f)), StringComparer.OrdinalIgnoreCase);

    /// <summary>Fields every log derives events from already: state, group and priority.</summary>
    public static bool IsCoreField(string field) => field is "state" or "incident_state" or "assignment_group" or "priority";

    public LogProblem? Add(int caseIndex, Dictionary<string, string> record, List<AuditRow> rows, StateChoices choices)
    {
        rows.Sort((a, b) => a.Time.CompareTo(b.Time));

        // Audit rows of assignment_group hold sys_ids; name them (and the record's own group if it is a bare sys_id).
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Field == "assignment_group") rows[i] = rows[i] with { Old = references.Group(rows[i].Old), New = references.Group(rows[i].New) };
        }

        var openedText = record.GetValueOrDefault("opened_at") is { Length: > 0 } o ? o : record.GetValueOrDefault("sys_created_on", "");
        long opened;
        if (openedText.Length == 0)
        {
            if (rows.Count == 0) return new LogProblem(0, "opened_at", "has no opened_at, sys_created_on or audit rows");
            opened = rows[0].Time;
        }
        else if (!parser.TryParse(openedText, out opened))
        {
            return new LogProblem(0, "opened_at", $"'{openedText}' is not a timestamp");
        }

        var stateRows = rows.Where(r => r.Field is "state" or "incident_state").ToList();
        var groupRows = rows.Where(r => r.Field == "assignment_group").ToList();
        var initialState = stateRows.Count > 0 ? stateRows[0].Old : record.GetValueOrDefault("state", "");
        if (initialState.Length == 0) initialState = stateRows.Count > 0 ? stateRows[0].New : choices.NewValue;
        if (stateRows.Count == 0 && rows.Count == 0) initialState = choices.NewValue;
        var group = groupRows.Count > 0 ? groupRows[0].Old : references.Group(record.GetValueOrDefault("assignment_group", ""));
        if (groupRows.Count > 0 && groupRows[0].Old.Length == 0 && groupRows[0].Time - opened < TimeSpan.TicksPerMinute) group = groupRows[0].New;
        var priority = record.GetValueOrDefault("priority", "");
        var priorityRows = rows.Where(r => r.Field == "priority").ToList();
        if (priorityRows.Count > 0 && priorityRows[0].Old.Length > 0) priority = priorityRows[0].Old;
        var state = initialState;
        var fieldValues = _fields.Count == 0 ? null : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var opener = references.User(record.GetValueOrDefault("opened_by", record.GetValueOrDefault("sys_created_by", "")));
        Emit(caseIndex, choices.LabelOf(state), opened, opener, group, state, priority);
        if (rows.Count == 0) return AddFromDates(caseIndex, record, group, priority, choices);

        // The fields one update changes share its time: the group change comes first (as in CSV snapshots), so the state event
        // of a ticket reopened into another group carries the group that works it.
        foreach (var row in rows.OrderBy(r => r.Time).ThenBy(r => r.Field == "assignment_group" ? 0 : r.Field == "priority" ? 1 : 2))
        {
            switch (row.Field)
            {
                case "state" or "incident_state":
                    if (row.Old.Length == 0 && row.New == initialState && row.Time - opened < TimeSpan.TicksPerMinute) break;
                    if (row.New == state) break;
                    var reopened = choices.IsFinal(state) && !choices.IsFinal(row.New);
                    state = row.New;
                    Emit(caseIndex, reopened ? StateChangeDeriver.Reopened : choices.LabelOf(state), row.Time, row.User, group, state, priority);
                    break;
                case "assignment_group":
                    if (row.New == group || row.New.Length == 0) break;
                    var first = group.Length == 0;
                    group = row.New;
                    Emit(caseIndex, first ? "Assigned" : StateChangeDeriver.Reassigned, row.Time, row.User, group, state, priority);
                    break;
                case "priority":
                    if (row.New == priority || row.Old.Length == 0) break;
                    priority = row.New;
                    Emit(caseIndex, StateChangeDeriver.PriorityChanged, row.Time, row.User, group, state, priority);
                    break;
                case var field when fieldValues is not null && _fields.Contains(field):
                    // A step's own field (major_incident_state): each change to a value is an event, an insert row too (a record
                    // created as a known error shows that step), a change to empty is none (nothing to map).
                    var current = fieldValues.TryGetValue(field, out var known) ? known : row.Old;
                    fieldValues[field] = row.New;
                    if (row.New.Length == 0 || row.New == current) break;
                    Emit(caseIndex, StateChangeDeriver.FieldChanged(field, row.New), row.Time, row.User, group, state, priority);
                    if (!_slots.TryGetValue(field, out var slot)) _slots[field] = slot = builder.EventAttributeSlot(field);
                    builder.SetEventAttribute(slot, row.New);
                    break;
            }
        }

        return null;
    }

    private LogProblem? AddFromDates(int caseIndex, Dictionary<string, string> record, string group, string priority, StateChoices choices)
    {
        foreach (var (field, value) in new[] { ("resolved_at", choices.ResolvedValue), ("closed_at", choices.ClosedValue) })
        {
            if (value is null) continue;
            var text = record.GetValueOrDefault(field, "");
            if (text.Length == 0) continue;
            if (!parser.TryParse(text, out var time)) return new LogProblem(0, field, $"'{text}' is not a timestamp");
            var by = references.User(record.GetValueOrDefault(field == "resolved_at" ? "resolved_by" : "closed_by", ""));
            Emit(caseIndex, choices.LabelOf(value), time, by, group, value, priority);
        }

        return null;
    }

    private void Emit(int caseIndex, string activity, long time, string resource, string group, string state, string priority) =>
        builder.Add(caseIndex, builder.ActivityNames.Intern(activity), time,
            resource.Length == 0 ? -1 : builder.ResourceNames.Intern(resource),
            group.Length == 0 ? -1 : builder.GroupNames.Intern(group),
            state.Length == 0 ? -1 : builder.StateValues.Intern(state),
            priority.Length == 0 ? -1 : builder.PriorityValues.Intern(priority));
}
