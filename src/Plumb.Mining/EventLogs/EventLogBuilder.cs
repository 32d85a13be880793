namespace Plumb.Mining.EventLogs;

/// <summary>
/// Collects events in any order from a reader and builds the column-wise <see cref="EventLog"/>: events are grouped by
/// case (cases in order of first appearance) and, within a case, stably sorted by timestamp.
/// </summary>
public sealed class EventLogBuilder
{
    private readonly ChunkedColumn<int> _case = new();
    private readonly ChunkedColumn<int> _activity = new();
    private readonly ChunkedColumn<long> _time = new();
    private readonly ChunkedColumn<int> _resource = new();
    private readonly ChunkedColumn<int> _group = new();
    private readonly ChunkedColumn<int> _state = new();
    private readonly ChunkedColumn<int> _priority = new();
    private readonly List<(string Name, StringTable Values, List<int> Codes)> _attributes = [];
    private readonly List<LogProblem> _problems = [];
    private bool _hasResource, _hasGroup, _hasState, _hasPriority;

    /// <summary>Case ids seen so far.</summary>
    public StringTable CaseIds { get; } = new();

    /// <summary>Activity names seen so far.</summary>
    public StringTable ActivityNames { get; } = new();

    /// <summary>Resource names seen so far.</summary>
    public StringTable ResourceNames { get; } = new();

    /// <summary>Group names seen so far.</summary>
    public StringTable GroupNames { get; } = new();

    /// <summary>State values seen so far.</summary>
    public StringTable StateValues { get; } = new();

    /// <summary>Priority values seen so far.</summary>
    public StringTable PriorityValues { get; } = new();

    /// <summary>When true, exact duplicates (same case, activity, time, resource, group) are dropped instead of kept.</summary>
    public bool DropDuplicates { get; set; }

    /// <summary>The number of rows skipped as unreadable.</summary>
    public int SkippedRows { get; set; }

    /// <summary>The number of events added.</summary>
    public int EventCount => _activity.Count;

    /// <summary>Records a problem that did not stop reading (a skipped row); the first hundred are kept.</summary>
    public void Warn(LogProblem problem)
    {
        if (_problems.Count < 100) _problems.Add(problem);
    }

    /// <summary>The index of a case, adding it when new.</summary>
    public int Case(ReadOnlySpan<char> id) => CaseIds.Intern(id);

    /// <summary>Adds one event; pass -1 for a resource, group, state or priority it does not have.</summary>
    public void Add(int caseIndex, int activity, long utcTicks, int resource = -1, int group = -1, int state = -1, int priority = -1)
    {
        _case.Add(caseIndex);
        _activity.Add(activity);
        _time.Add(utcTicks);
        _resource.Add(resource);
        _group.Add(group);
        _state.Add(state);
        _priority.Add(priority);
        _hasResource |= resource >= 0;
        _hasGroup |= group >= 0;
        _hasState |= state >= 0;
        _hasPriority |= priority >= 0;
    }

    /// <summary>The slot of a case attribute, for <see cref="SetAttribute(int, int, ReadOnlySpan{char})"/>.</summary>
    public int AttributeSlot(string name)
    {
        var at = _attributes.FindIndex(a => a.Name == name);
        if (at >= 0) return at;
        _attributes.Add((name, new StringTable(), []));
        return _attributes.Count - 1;
    }

    /// <summary>Sets a case attribute; the last non-empty value given wins.</summary>
    public void SetAttribute(int caseIndex, string name, ReadOnlySpan<char> value) => SetAttribute(AttributeSlot(name), caseIndex, value);

    /// <summary>Sets a case attribute by slot; the last non-empty value given wins.</summary>
    public void SetAttribute(int slot, int caseIndex, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return;
        var (_, values, codes) = _attributes[slot];
        while (codes.Count <= caseIndex) codes.Add(-1);

        // The same value again for the same case (one per row) needs no lookup.
        var current = codes[caseIndex];
        if (current >= 0 && value.SequenceEqual(values[current])) return;
        codes[caseIndex] = values.Intern(value);
    }

    /// <summary>Builds the log: groups by case, sorts each case by time (stably), counts or drops duplicates.</summary>
    public EventLog Build()
    {
        var cases = CaseIds.Count;
        var n = _activity.Count;
        var offsets = new int[cases + 1];
        for (var i = 0; i < n; i++) offsets[_case[i] + 1]++;
        for (var c = 0; c < cases; c++) offsets[c + 1] += offsets[c];

        var activities = new int[n];
        var times = new long[n];
        var resources = _hasResource ? new int[n] : null;
        var groups = _hasGroup ? new int[n] : null;
        var states = _hasState ? new int[n] : null;
        var priorities = _hasPriority ? new int[n] : null;
        var fill = new int[cases];
        Array.Copy(offsets, fill, cases);
        for (var i = 0; i < n; i++)
        {
            var at = fill[_case[i]]++;
            activities[at] = _activity[i];
            times[at] = _time[i];
            if (resources is not null) resources[at] = _resource[i];
            if (groups is not null) groups[at] = _group[i];
            if (states is not null) states[at] = _state[i];
            if (priorities is not null) priorities[at] = _priority[i];
        }

        var columns = new EventColumns(activities, times, resources, groups, states, priorities);
        var unsorted = 0;
        for (var c = 0; c < cases; c++)
        {
            if (columns.SortCase(offsets[c], offsets[c + 1])) unsorted++;
        }

        var duplicates = columns.CountDuplicates(offsets, DropDuplicates);
        if (DropDuplicates && duplicates > 0) columns = columns.Compact(offsets);

        var attributes = new Dictionary<string, CaseAttribute>(StringComparer.Ordinal);
        foreach (var (name, values, codes) in _attributes)
        {
            var perCase = new int[cases];
            for (var c = 0; c < cases; c++) perCase[c] = c < codes.Count ? codes[c] : -1;
            attributes[name] = new CaseAttribute(name, values, perCase);
        }

        var log = new EventLogColumns
        {
            CaseIds = CaseIds, CaseOffsets = offsets, Activities = columns.Activities, Timestamps = columns.Times,
            Resources = columns.Resources, Groups = columns.Groups, States = columns.States, Priorities = columns.Priorities,
            ActivityNames = ActivityNames, ResourceNames = ResourceNames, GroupNames = GroupNames,
            StateValues = StateValues, PriorityValues = PriorityValues,
        };
        return new EventLog(log, attributes, new EventLogNotes(unsorted, duplicates, DropDuplicates, SkippedRows, _problems));
    }
}
