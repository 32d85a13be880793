namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>
/// Turns record snapshots (one row per update of a ticket, as ServiceNow list exports of audited tables give them) into events:
/// the first row opens the case with its state, then a change of state gives an event named after the new state (or
/// <c>Reopened</c> when a resolved or closed ticket becomes active again), a change of assignment group gives <c>Reassigned</c>,
/// a change of priority gives <c>Priority changed</c>; a row that changes several of these gives an event for each (the
/// reassignment first); rows that change none of these give no event. A step's own field (<c>major_incident_state</c>), when
/// the export has its column, gives <c>field = value</c> on the first row that has a value and on every change to a value, as
/// its audit rows do in ServiceNow JSON. Fields kept per event go with each event derived from their row.
/// </summary>
public static class StateChangeDeriver
{
    /// <summary>Activity name of a change of assignment group.</summary>
    public const string Reassigned = "Reassigned";

    /// <summary>Activity name of a change of priority.</summary>
    public const string PriorityChanged = "Priority changed";

    /// <summary>Activity name of a resolved or closed ticket becoming active again.</summary>
    public const string Reopened = "Reopened";

    /// <summary>
    /// Activity name of a change of a field other than state, group and priority that a step's tool mapping names
    /// (<c>major_incident_state = accepted</c>, <c>approval = requested</c>): the field and its new value, as the mapping writes them.
    /// </summary>
    public static string FieldChanged(string field, string value) => $"{field} = {value}";

    /// <summary>
    /// The event log derived from a log of snapshots (states, groups and priorities per row, and <paramref name="stepFields"/>
    /// among the fields kept per event).
    /// </summary>
    public static EventLog Derive(EventLog snapshots, IReadOnlyCollection<string>? stepFields = null)
    {
        var builder = new EventLogBuilder { SkippedRows = snapshots.Notes.SkippedRows, Table = snapshots.Table };
        var choices = StateChoices.ForLog(snapshots);
        var final = snapshots.StateValues.Values.Select(choices.IsFinal).ToArray();
        builder.GuessedColumns = snapshots.Notes.GuessedColumns;
        foreach (var problem in snapshots.Notes.Problems) builder.Warn(problem);
        foreach (var remark in snapshots.Notes.Remarks) builder.Remark(remark);
        var states = snapshots.States;
        var groups = snapshots.Groups;
        var priorities = snapshots.Priorities;
        foreach (var value in snapshots.StateValues.Values) builder.StateValues.Intern(value);
        foreach (var value in snapshots.GroupNames.Values) builder.GroupNames.Intern(value);
        foreach (var value in snapshots.PriorityValues.Values) builder.PriorityValues.Intern(value);
        foreach (var value in snapshots.ResourceNames.Values) builder.ResourceNames.Intern(value);
        var reassigned = builder.ActivityNames.Intern(Reassigned);
        var priorityChanged = builder.ActivityNames.Intern(PriorityChanged);
        var reopened = builder.ActivityNames.Intern(Reopened);
        var stateActivity = snapshots.StateValues.Values.Select(v => builder.ActivityNames.Intern(choices.LabelOf(v))).ToArray();
        var updated = builder.ActivityNames.Intern("Updated");
        var kept = snapshots.EventAttributes.Values.Select(a => (Attribute: a, Slot: builder.EventAttributeSlot(a.Name))).ToArray();
        var fields = (stepFields ?? []).Where(f => !SnowHistory.IsCoreField(f))
            .Select(f => (Name: f, Column: snapshots.FindEventAttribute(f))).Where(f => f.Column is not null)
            .Select(f => (f.Name, Column: f.Column!, Events: new int[f.Column!.Values.Count])).ToArray();
        foreach (var field in fields) Array.Fill(field.Events, -1);
        var lastField = new int[fields.Length];
        void Add(int caseIndex, int activity, long time, int resource, int group, int state, int priority, int row)
        {
            builder.Add(caseIndex, activity, time, resource, group, state, priority);
            foreach (var (attribute, slot) in kept)
            {
                if (attribute.ValueOf(row) is { } value) builder.SetEventAttribute(slot, value);
            }
        }

        for (var c = 0; c < snapshots.CaseCount; c++)
        {
            var caseIndex = builder.Case(snapshots.CaseIds[c]);
            int lastState = -1, lastGroup = -1, lastPriority = -1;
            Array.Fill(lastField, -1);
            for (var e = snapshots.Start(c); e < snapshots.End(c); e++)
            {
                var state = states?[e] ?? -1;
                var group = groups?[e] ?? -1;
                var priority = priorities?[e] ?? -1;
                var resource = snapshots.Resources?[e] ?? -1;
                var time = snapshots.Timestamps[e];
                var first = e == snapshots.Start(c);
                // One update can change several fields at once (assigned to a group and set In Progress): each change is an
                // event, the reassignment first, as the work moves to the group before the group starts on it.
                // Until the state event, the ticket is still in its previous state (as the audit history reads).
                var before = lastState >= 0 ? lastState : state;
                if (!first && group >= 0 && lastGroup >= 0 && group != lastGroup)
                {
                    Add(caseIndex, reassigned, time, resource, group, before, priority, e);
                }

                if (!first && priority >= 0 && lastPriority >= 0 && priority != lastPriority)
                {
                    Add(caseIndex, priorityChanged, time, resource, group, before, priority, e);
                }

                if (first || (state >= 0 && state != lastState))
                {
                    var wasFinal = lastState >= 0 && final[lastState];
                    var isFinal = state >= 0 && final[state];
                    var activity = state < 0 ? updated : wasFinal && !isFinal ? reopened : stateActivity[state];
                    Add(caseIndex, activity, time, resource, group, state, priority, e);
                }

                // After the state, as a ServiceNow JSON history orders the fields of one update; a change to empty is no event.
                for (var f = 0; f < fields.Length; f++)
                {
                    var value = fields[f].Column.Codes[e];
                    if (value < 0 || value == lastField[f]) continue;
                    lastField[f] = value;
                    var (name, column, events) = fields[f];
                    if (events[value] < 0) events[value] = builder.ActivityNames.Intern(FieldChanged(name, column.Values[value]));
                    Add(caseIndex, events[value], time, resource, group, state >= 0 ? state : lastState, priority, e);
                }

                if (state >= 0) lastState = state;
                if (group >= 0) lastGroup = group;
                if (priority >= 0) lastPriority = priority;
            }
        }

        foreach (var (name, attribute) in snapshots.Attributes)
        {
            var slot = builder.AttributeSlot(name);
            for (var c = 0; c < snapshots.CaseCount; c++)
            {
                if (attribute.ValueOf(c) is { } value) builder.SetAttribute(slot, c, value);
            }
        }

        builder.AddUnreadAttributes(snapshots.Notes.UnreadAttributes);
        var log = builder.Build();
        return log;
    }
}
