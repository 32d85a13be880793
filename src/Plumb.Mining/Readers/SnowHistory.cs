namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>One audited change of a field of a record (a value in a reused list, so a million rows are no million objects).</summary>
internal readonly record struct AuditRow(long Time, string Field, string Old, string New, string User);

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

    /// <summary>The fields of <see cref="IsCoreField"/>: with the step fields, the only audit rows whose values and user are read.</summary>
    public static readonly IReadOnlyList<string> CoreFields = ["state", "incident_state", "assignment_group", "priority"];

    /// <summary>The record's dates events are derived from (the reader keeps them as times when they read as timestamps).</summary>
    public static readonly IReadOnlyList<string> DateFields = ["opened_at", "sys_created_on", "resolved_at", "closed_at"];

    // A map given whole has no dates read as times.
    private static readonly Dictionary<string, long> NoTimes = [];

    // The rows of the record being added, in the order its events are derived (see Add).
    private readonly List<AuditRow> _ordered = [];

    /// <summary>
    /// Adds the record's events; <paramref name="times"/> are its dates read as times (empty in its field map), none for a map
    /// given whole.
    /// </summary>
    public LogProblem? Add(int caseIndex, Dictionary<string, string> record, IReadOnlyDictionary<string, long>? times, List<AuditRow> rows, StateChoices choices)
    {
        times ??= NoTimes;
        rows.Sort(static (a, b) => a.Time.CompareTo(b.Time));

        // Audit rows of assignment_group hold sys_ids; name them (and the record's own group if it is a bare sys_id).
        int firstState = -1, firstGroup = -1, firstPriority = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            switch (rows[i].Field)
            {
                case "assignment_group":
                    rows[i] = rows[i] with { Old = references.Group(rows[i].Old), New = references.Group(rows[i].New) };
                    if (firstGroup < 0) firstGroup = i;
                    break;
                case "state" or "incident_state" when firstState < 0:
                    firstState = i;
                    break;
                case "priority" when firstPriority < 0:
                    firstPriority = i;
                    break;
            }
        }

        var openedField = times.ContainsKey("opened_at") || record.GetValueOrDefault("opened_at") is { Length: > 0 } ? "opened_at" : "sys_created_on";
        if (!TryTime(record, times, openedField, out var opened, out var openedText))
        {
            if (openedText.Length > 0) return new LogProblem(0, "opened_at", $"'{openedText}' is not a timestamp");
            if (rows.Count == 0) return new LogProblem(0, "opened_at", "has no opened_at, sys_created_on or audit rows");
            opened = rows[0].Time;
        }

        var initialState = firstState >= 0 ? rows[firstState].Old : record.GetValueOrDefault("state", "");
        if (initialState.Length == 0) initialState = firstState >= 0 ? rows[firstState].New : choices.NewValue;
        if (firstState < 0 && rows.Count == 0) initialState = choices.NewValue;
        var group = firstGroup >= 0 ? rows[firstGroup].Old : references.Group(record.GetValueOrDefault("assignment_group", ""));
        if (firstGroup >= 0 && rows[firstGroup].Old.Length == 0 && rows[firstGroup].Time - opened < TimeSpan.TicksPerMinute) group = rows[firstGroup].New;
        var priority = record.GetValueOrDefault("priority", "");
        if (firstPriority >= 0 && rows[firstPriority].Old.Length > 0) priority = rows[firstPriority].Old;
        var state = initialState;
        var fieldValues = _fields.Count == 0 ? null : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var opener = references.User(record.GetValueOrDefault("opened_by", record.GetValueOrDefault("sys_created_by", "")));
        Emit(caseIndex, choices.LabelOf(state), opened, opener, group, state, priority);
        if (rows.Count == 0) return AddFromDates(caseIndex, record, times, group, priority, choices);
        OrderForEvents(rows);

        // The fields one update changes share its time: the group change comes first (as in CSV snapshots), so the state event
        // of a ticket reopened into another group carries the group that works it.
        foreach (var row in _ordered)
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

    // The rows (sorted by time) with the group change first, then priority, then the rest among rows of one time; stable, as
    // an insertion sort of rows nearly in order already.
    private void OrderForEvents(List<AuditRow> rows)
    {
        _ordered.Clear();
        foreach (var row in rows)
        {
            var at = _ordered.Count;
            while (at > 0 && _ordered[at - 1].Time == row.Time && Rank(_ordered[at - 1]) > Rank(row)) at--;
            _ordered.Insert(at, row);
        }

        static int Rank(AuditRow row) => row.Field == "assignment_group" ? 0 : row.Field == "priority" ? 1 : 2;
    }

    private LogProblem? AddFromDates(int caseIndex, Dictionary<string, string> record, IReadOnlyDictionary<string, long> times, string group, string priority,
        StateChoices choices)
    {
        foreach (var (field, value) in new[] { ("resolved_at", choices.ResolvedValue), ("closed_at", choices.ClosedValue) })
        {
            if (value is null) continue;
            if (!TryTime(record, times, field, out var time, out var text))
            {
                if (text.Length == 0) continue;
                return new LogProblem(0, field, $"'{text}' is not a timestamp");
            }

            var by = references.User(record.GetValueOrDefault(field == "resolved_at" ? "resolved_by" : "closed_by", ""));
            Emit(caseIndex, choices.LabelOf(value), time, by, group, value, priority);
        }

        return null;
    }

    // A date of the record: its time read, else its text parsed; false with the text that is not one, or with none.
    private bool TryTime(Dictionary<string, string> record, IReadOnlyDictionary<string, long> times, string field, out long time, out string text)
    {
        text = "";
        if (times.TryGetValue(field, out time)) return true;
        text = record.GetValueOrDefault(field, "");
        return text.Length > 0 && parser.TryParse(text, out time);
    }

    private void Emit(int caseIndex, string activity, long time, string resource, string group, string state, string priority) =>
        builder.Add(caseIndex, _activity.Code(builder.ActivityNames, activity, optional: false), time, _resource.Code(builder.ResourceNames, resource),
            _group.Code(builder.GroupNames, group), _state.Code(builder.StateValues, state), _priority.Code(builder.PriorityValues, priority));

    private LastCode _activity, _resource, _group, _state, _priority;

    // The code of the value an event column had last: the values come from the input's pools, so the same value again (a
    // case's group over its events) is the same string, known without hashing it.
    private struct LastCode
    {
        private string? _value;
        private int _code;

        // An empty optional value is none (-1); an activity is interned even when empty.
        public int Code(StringTable table, string value, bool optional = true)
        {
            if (ReferenceEquals(value, _value)) return _code;
            (_value, _code) = (value, optional && value.Length == 0 ? -1 : table.Intern(value));
            return _code;
        }
    }
}
