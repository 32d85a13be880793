namespace Plumb.Mining.EventLogs;

/// <summary>
/// Collects events in any order from a reader and builds the column-wise <see cref="EventLog"/>: events are grouped by
/// case (cases in order of first appearance) and, within a case, stably sorted by timestamp. While every case's events come
/// together (the usual export), events are stored in their final place and no case column is kept.
/// </summary>
public sealed class EventLogBuilder
{
    private readonly EventColumn<int> _case = new();
    private readonly EventColumn<int> _activity = new();
    private readonly EventColumn<long> _time = new();
    private readonly EventColumn<int> _resource = new();
    private readonly EventColumn<int> _group = new();
    private readonly EventColumn<int> _state = new();
    private readonly EventColumn<int> _priority = new();
    private readonly EventColumn<int> _caseStarts = new();
    private bool _contiguous = true;
    private int _lastCase = -1;
    private int _expected;

    // A part of a file read in parts: its events go to this range of the log's arrays (see EventStorage).
    private EventStorage? _storage;
    private int _offset;
    private readonly List<CaseValues> _attributes = [];
    private readonly List<EventValues> _eventAttributes = [];
    private readonly List<LogProblem> _problems = [];
    private readonly List<string> _remarks = [];
    private readonly List<string> _unread = [];
    private bool _hasResource, _hasGroup, _hasState, _hasPriority;

    // Arrays a reader let go of (its own chunks of input), which the columns take as chunks before allocating: the input
    // already turned into events becomes the room for the next ones, with no collection in between. A few at most are kept.
    private const int MostSpares = 8;
    private readonly Stack<int[]> _spareCodes = new();
    private readonly Stack<long[]> _spareTimes = new();

    /// <summary>An empty builder.</summary>
    public EventLogBuilder()
    {
        foreach (var column in (ReadOnlySpan<EventColumn<int>>)[_case, _activity, _resource, _group, _state, _priority]) column.Spares = _spareCodes;
        _time.Spares = _spareTimes;
    }

    /// <summary>The length of the arrays <see cref="Recycle(int[])"/> takes.</summary>
    internal const int ChunkLength = EventColumn<int>.ChunkLength;

    /// <summary>
    /// Hands over an array of <see cref="ChunkLength"/> codes the caller no longer needs (nor reads or writes again), for the
    /// columns' next chunk; another length, or one past the few kept, is left to the collector.
    /// </summary>
    internal void Recycle(int[] codes)
    {
        if (codes.Length == ChunkLength && _spareCodes.Count < MostSpares) _spareCodes.Push(codes);
    }

    /// <summary>The arrays handed over and not yet taken as chunks.</summary>
    internal int SpareCount => _spareCodes.Count + _spareTimes.Count;

    /// <summary>Hands over an array of <see cref="ChunkLength"/> times, as <see cref="Recycle(int[])"/> does codes.</summary>
    internal void Recycle(long[] times)
    {
        if (times.Length == ChunkLength && _spareTimes.Count < MostSpares / 4) _spareTimes.Push(times);
    }

    /// <summary>Case ids seen so far.</summary>
    public StringTable CaseIds { get; } = new(packed: true);

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

    /// <summary>How the reader guessed the columns it was not told, or null; kept in the notes.</summary>
    public string? GuessedColumns { get; set; }

    /// <summary>The ServiceNow table the tickets come from, or null when not known; it names the state values.</summary>
    public string? Table { get; set; }

    /// <summary>
    /// The case attributes whose values are kept; null keeps every one. The others are named in the notes
    /// (<see cref="EventLogNotes.UnreadAttributes"/>): their slot is -1 and setting them does nothing.
    /// </summary>
    public CaseAttributeSelection? CaseAttributes { get; set; }

    /// <summary>The number of rows skipped as unreadable.</summary>
    public int SkippedRows { get; set; }

    /// <summary>The number of events added.</summary>
    public int EventCount => _activity.Count;

    /// <summary>
    /// Tells the builder how many events to expect (e.g. the rows of a file, counted beforehand), so each column is allocated
    /// once at its final size; more or fewer events are still handled. Call before the first event.
    /// </summary>
    public void ExpectEvents(int count)
    {
        if (EventCount > 0 || count <= 0) return;
        _expected = count;
        _activity.Reserve(count);
        _time.Reserve(count);
    }

    /// <summary>The number of columns of codes an <see cref="EventStorage"/> holds: activity, resource, group, state, priority.</summary>
    internal const int CodeColumns = 5;

    /// <summary>
    /// Writes the events into <paramref name="storage"/> from event <paramref name="first"/>, at most <paramref name="count"/>
    /// of them (more carry on in columns of their own): one part of a file read in parts; without storage, as
    /// <see cref="ExpectEvents(int)"/>. Call before the first event.
    /// </summary>
    internal void ExpectEvents(EventStorage? storage, int first, int count)
    {
        if (storage is null) ExpectEvents(count);
        if (storage is null || EventCount > 0 || count <= 0) return;
        (_storage, _offset, _expected) = (storage, first, count);
        _activity.Reserve(storage.Codes(0), first, count);
        _time.Reserve(storage.Times(), first, count);
    }

    /// <summary>
    /// Lets the first part (the range from event 0) fill all of its storage, as the others are appended to it; a part that
    /// read more events than its range holds its own columns already, and keeps doing so.
    /// </summary>
    internal void ExpectRestOfStorage()
    {
        if (_storage is null || _offset != 0) return;
        if (!_activity.InRange)
        {
            DetachStorage();
            return;
        }

        _expected = _storage.Length;
        foreach (var column in (ReadOnlySpan<EventColumn<int>>)[_activity, _resource, _group, _state, _priority]) column.Widen();
        _time.Widen();
    }

    // Moves the events out of the storage into columns of their own: the storage's later ranges are then only read.
    private void DetachStorage()
    {
        if (_storage is null) return;
        foreach (var column in (ReadOnlySpan<EventColumn<int>>)[_activity, _resource, _group, _state, _priority]) column.Detach();
        _time.Detach();
        _expected = _storage.Length;
        _storage = null;
    }

    private void Reserve(EventColumn<int> column, int index)
    {
        if (_storage is not null) column.Reserve(_storage.Codes(index), _offset, _expected);
        else column.Reserve(_expected);
    }

    /// <summary>Records a problem that did not stop reading (a skipped row); the first hundred are kept.</summary>
    public void Warn(LogProblem problem)
    {
        if (_problems.Count < 100) _problems.Add(problem);
    }

    /// <summary>Names case attributes whose values a log read before did not keep (carried into the notes of the log built from it).</summary>
    public void AddUnreadAttributes(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!_unread.Contains(name)) _unread.Add(name);
        }
    }

    /// <summary>Adds a remark for the log's notes (something the user should know about the data).</summary>
    public void Remark(string remark) => _remarks.Add(remark);

    /// <summary>The index of a case, adding it when new.</summary>
    public int Case(ReadOnlySpan<char> id) => CaseIds.Intern(id);

    /// <summary>Adds one event; pass -1 for a resource, group, state or priority it does not have.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(int caseIndex, int activity, long utcTicks, int resource = -1, int group = -1, int state = -1, int priority = -1)
    {
        if (_contiguous && caseIndex != _lastCase)
        {
            if (caseIndex == _caseStarts.Count)
            {
                _caseStarts.Add(EventCount);
                _lastCase = caseIndex;
            }
            else
            {
                KeepCaseColumn();
            }
        }

        if (!_contiguous) _case.Add(caseIndex);
        _activity.Add(activity);
        _time.Add(utcTicks);
        Optional(_resource, ref _hasResource, resource, 1);
        Optional(_group, ref _hasGroup, group, 2);
        Optional(_state, ref _hasState, state, 3);
        Optional(_priority, ref _hasPriority, priority, 4);
    }

    // A column the log may not have (no resources, no states) takes no memory until its first value; then the events
    // before it get -1, and the column is allocated at its final size when the number of events is known.
    private void Optional(EventColumn<int> column, ref bool has, int value, int index)
    {
        if (!has)
        {
            if (value < 0) return;
            has = true;
            Reserve(column, index);
            for (var i = 0; i < _activity.Count - 1; i++) column.Add(-1);
        }

        column.Add(value);
    }

    // An event for a case seen before, after other cases: from here on each event's case is kept, and the log is grouped at the end.
    private void KeepCaseColumn()
    {
        _contiguous = false;
        _case.Reserve(_expected);
        for (var c = 0; c < _caseStarts.Count; c++)
        {
            var end = c + 1 < _caseStarts.Count ? _caseStarts[c + 1] : EventCount;
            for (var i = _caseStarts[c]; i < end; i++) _case.Add(c);
        }
    }

    /// <summary>
    /// Rewrites the timestamps of the given events (by the order they were added) before <see cref="Build"/>, as a reader does
    /// once it knows how a column's dates read (day and month swapped when all of a column turned out month-first).
    /// </summary>
    public void RewriteTimestamps(IEnumerable<int> events, Func<long, long> rewrite)
    {
        foreach (var e in events) _time[e] = rewrite(_time[e]);
    }

    /// <summary>The slot of a case attribute, for <see cref="SetAttribute(int, int, ReadOnlySpan{char})"/>; -1 when its values are not kept.</summary>
    public int AttributeSlot(string name)
    {
        var at = _attributes.FindIndex(a => a.Name == name);
        if (at >= 0) return at;
        if (CaseAttributes is { } selection && !selection.Keeps(name))
        {
            AddUnreadAttributes([name]);
            return -1;
        }

        _attributes.Add(new CaseValues(name, CaseIds, new CaseCodes { Spares = _spareCodes }));
        return _attributes.Count - 1;
    }

    /// <summary>Sets a case attribute; the last non-empty value given wins.</summary>
    public void SetAttribute(int caseIndex, string name, ReadOnlySpan<char> value) => SetAttribute(AttributeSlot(name), caseIndex, value);

    /// <summary>Sets a case attribute by slot; the last non-empty value given wins.</summary>
    public void SetAttribute(int slot, int caseIndex, ReadOnlySpan<char> value) => SetAttribute(slot, caseIndex, value, null);

    /// <summary>Sets a case attribute by slot from a string the caller holds anyway, which the attribute keeps (no copy) when the value is new.</summary>
    internal void SetAttribute(int slot, int caseIndex, string value) => SetAttribute(slot, caseIndex, value, value);

    // With the value's string when the caller has one (another builder's table), so a new value is that string, not a copy.
    private void SetAttribute(int slot, int caseIndex, ReadOnlySpan<char> value, string? instance)
    {
        if (value.IsEmpty || slot < 0) return;
        var attribute = _attributes[slot];
        var codes = attribute.Codes;
        if (attribute.IsCaseId)
        {
            if (CaseIds.Holds(caseIndex, value))
            {
                codes[caseIndex] = caseIndex;
                return;
            }

            attribute.Unshare(CaseIds.Count);
        }

        var values = attribute.Values;
        if (caseIndex == UniqueValuesSeen && values.Count == caseIndex && _expectedCases > caseIndex) values.Reserve(_expectedCases);

        // The same value again for the same case (one per row) needs no lookup.
        var current = codes[caseIndex];
        if (current >= 0 && value.SequenceEqual(values[current])) return;

        // The value it replaces, when no other case holds it, is dropped: a per-event value (a task id) stays one per case.
        if (current >= 0) values.TryDropNewest(current);
        codes[caseIndex] = instance is null ? values.Intern(value) : values.Intern(instance);
    }

    /// <summary>
    /// Appends the events another builder collected from the next part of the same file, as if they had been added here
    /// after this one's: its cases, names and values are looked up here (new ones added in the order it met them), its case
    /// attributes set after this one's (the last value given still wins), its skipped rows and problems carried over.
    /// </summary>
    internal void Append(EventLogBuilder next)
    {
        // The next part's events move down within the storage (event e from its range to EventCount + e, read before written).
        // Should they start past its range, or end past it, they would overwrite what is still to be read: then this one's go elsewhere.
        if (_storage is not null && next._storage == _storage
            && (EventCount > next._offset || EventCount + next.EventCount > next._offset + next._expected)) DetachStorage();
        var cases = CaseIds.CodesOf(next.CaseIds);
        var activities = ActivityNames.CodesOf(next.ActivityNames);
        var resources = ResourceNames.CodesOf(next.ResourceNames);
        var groups = GroupNames.CodesOf(next.GroupNames);
        var states = StateValues.CodesOf(next.StateValues);
        var priorities = PriorityValues.CodesOf(next.PriorityValues);
        if (!AppendInPlace(next, cases, activities, [resources, groups, states, priorities])) AppendEach(next, cases, activities, resources, groups, states, priorities);

        foreach (var (name, values, codes) in next._attributes)
        {
            var slot = AttributeSlot(name);
            for (var local = 0; local < next.CaseIds.Count; local++)
            {
                if (codes[local] is >= 0 and var code) SetAttribute(slot, cases[local], values[code], values[code]);
            }
        }

        foreach (var problem in next._problems) Warn(problem);
        _remarks.AddRange(next._remarks);
        AddUnreadAttributes(next._unread);
        SkippedRows += next.SkippedRows;
        Table ??= next.Table;
    }

    // The usual case of a file read in parts: the next part's events lie right after this one's in the same storage, each case
    // in one run, and its cases are new here (but for one carried on across the cut). Then its codes are translated where they
    // lie and its case runs taken over, instead of adding its events again one by one.
    private bool AppendInPlace(EventLogBuilder next, int[] cases, int[] activities, int[][] optionalCodes)
    {
        if (_storage is null || next._storage != _storage || EventCount != next._offset || next.EventCount > next._expected
            || !_contiguous || !next._contiguous || !_activity.InRange || !next._activity.InRange || !next._time.InRange) return false;
        EventColumn<int>[] optional = [_resource, _group, _state, _priority];
        EventColumn<int>[] nextOptional = [next._resource, next._group, next._state, next._priority];
        bool[] has = [_hasResource, _hasGroup, _hasState, _hasPriority];
        bool[] nextHas = [next._hasResource, next._hasGroup, next._hasState, next._hasPriority];
        for (var x = 0; x < optional.Length; x++)
        {
            // A column only the next part has would need this one's events filled first: the general way does that.
            if (nextHas[x] && (!has[x] || !optional[x].InRange || !nextOptional[x].InRange)) return false;
            if (has[x] && !optional[x].InRange) return false;
        }

        var (lastCase, starts) = (_lastCase, _caseStarts.Count);
        for (var c = 0; c < next._caseStarts.Count; c++)
        {
            if (cases[c] == lastCase && c == 0) continue;
            if (cases[c] != starts) return false;
            (lastCase, starts) = (cases[c], starts + 1);
        }

        var (from, count) = (next._offset, next.EventCount);
        Translate(_storage.Codes(0).AsSpan(from, count), activities);
        for (var x = 0; x < optional.Length; x++)
        {
            if (!has[x]) continue;
            var range = _storage.Codes(x + 1).AsSpan(from, count);
            if (nextHas[x]) Translate(range, optionalCodes[x]);
            else range.Fill(-1);
            optional[x].Extend(count);
        }

        for (var c = 0; c < next._caseStarts.Count; c++)
        {
            if (cases[c] == _lastCase && c == 0) continue;
            _caseStarts.Add(EventCount + next._caseStarts[c]);
            _lastCase = cases[c];
        }

        _activity.Extend(count);
        _time.Extend(count);
        return true;
    }

    // Codes of another table made this one's, in place; -1 (no value) stays.
    private static void Translate(Span<int> values, int[] codes)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= 0) values[i] = codes[values[i]];
        }
    }

    private void AppendEach(EventLogBuilder next, int[] cases, int[] activities, int[] resources, int[] groups, int[] states, int[] priorities)
    {
        static int Code(EventColumn<int> column, bool has, int[] codes, int e) => !has || column[e] < 0 ? -1 : codes[column[e]];
        var c = -1;
        var caseEnd = 0;
        for (var e = 0; e < next.EventCount; e++)
        {
            int local;
            if (next._contiguous)
            {
                while (e >= caseEnd) caseEnd = ++c + 1 < next._caseStarts.Count ? next._caseStarts[c + 1] : next.EventCount;
                local = c;
            }
            else
            {
                local = next._case[e];
            }

            Add(cases[local], activities[next._activity[e]], next._time[e], Code(next._resource, next._hasResource, resources, e),
                Code(next._group, next._hasGroup, groups, e), Code(next._state, next._hasState, states, e), Code(next._priority, next._hasPriority, priorities, e));
        }
    }

    /// <summary>The slot of a field kept per event, for <see cref="SetEventAttribute"/>.</summary>
    public int EventAttributeSlot(string name)
    {
        var at = _eventAttributes.FindIndex(a => a.Name == name);
        if (at >= 0) return at;
        _eventAttributes.Add(new EventValues(name, new StringTable(), new EventColumn<int> { Spares = _spareCodes }));
        return _eventAttributes.Count - 1;
    }

    /// <summary>Sets a field kept per event on the event added last; events it is not set on have no value.</summary>
    public void SetEventAttribute(int slot, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || EventCount == 0) return;
        var (_, values, codes) = _eventAttributes[slot];
        while (codes.Count < EventCount - 1) codes.Add(-1);
        var code = values.Intern(value);
        if (codes.Count == EventCount) codes[EventCount - 1] = code;
        else codes.Add(code);
    }

    /// <summary>
    /// Tells the builder how many cases to expect (the records of an export, counted beforehand), so the case ids, and a case
    /// attribute whose every case has a value of its own (a sys_id), are sized once; more or fewer cases are still handled.
    /// </summary>
    public void ExpectCases(int count)
    {
        if (count <= CaseIds.Count) return;
        _expectedCases = count;
        CaseIds.Reserve(count);
    }

    private int _expectedCases;

    // An attribute whose first this many cases each have a value of their own is taken for one value a case.
    private const int UniqueValuesSeen = 4096;

    /// <summary>Builds the log: groups by case, sorts each case by time (stably), counts or drops duplicates.</summary>
    public EventLog Build()
    {
        _spareCodes.Clear();
        _spareTimes.Clear();
        var cases = CaseIds.Count;
        var n = _activity.Count;

        // A large log collected in chunks (its events not counted beforehand) is copied into its columns: collected halfway
        // and at the end, the chunks copied make room for the columns still to come and for what follows the build, rather
        // than all of them being held beside the columns (1.7M ServiceNow events: 165 -> 117 MB at the end of the build).
        var collect = !_activity.InRange && n >= Readers.ReadMemory.Large;
        var activities = _activity.ToArray();
        var times = _time.ToArray();
        if (collect) Readers.ReadMemory.GiveBack();
        var resources = _hasResource ? _resource.ToArray() : null;
        var groups = _hasGroup ? _group.ToArray() : null;
        var states = _hasState ? _state.ToArray() : null;
        var priorities = _hasPriority ? _priority.ToArray() : null;
        var extra = _eventAttributes.Select(a =>
        {
            while (a.Codes.Count < n) a.Codes.Add(-1);
            return a.Codes.ToArray();
        }).ToArray();
        var offsets = new int[cases + 1];
        if (_contiguous)
        {
            // Events are already grouped by case, cases in order of first appearance; cases without events come last.
            for (var c = 0; c < cases; c++) offsets[c] = c < _caseStarts.Count ? _caseStarts[c] : n;
            offsets[cases] = n;
        }
        else
        {
            var destination = _case.ToArray();
            for (var i = 0; i < n; i++) offsets[destination[i] + 1]++;
            for (var c = 0; c < cases; c++) offsets[c + 1] += offsets[c];
            var fill = new int[cases];
            Array.Copy(offsets, fill, cases);
            for (var i = 0; i < n; i++) destination[i] = fill[destination[i]]++;
            EventPermutation.Apply(destination, activities, times, resources, groups, states, priorities);
            for (var x = 0; x < extra.Length; x++)
            {
                var moved = new int[n];
                for (var i = 0; i < n; i++) moved[destination[i]] = extra[x][i];
                extra[x] = moved;
            }
        }

        var columns = new EventColumns(activities, times, resources, groups, states, priorities) { Extra = extra };
        var (unsorted, duplicates) = columns.SortAndCount(offsets, DropDuplicates);
        if (DropDuplicates && duplicates > 0) columns = columns.Compact(offsets);

        var attributes = new Dictionary<string, CaseAttribute>(StringComparer.Ordinal);
        foreach (var (name, values, codes) in _attributes)
        {
            attributes[name] = new CaseAttribute(name, values, codes.ToArray(cases));
        }

        // The log reads its case ids and attributes by code; a lookup by value (rare after reading) builds the slots again.
        CaseIds.ReleaseLookup();
        foreach (var attribute in attributes.Values) attribute.Values.ReleaseLookup();
        var log = new EventLogColumns
        {
            CaseIds = CaseIds, CaseOffsets = offsets, Activities = columns.Activities, Timestamps = columns.Times,
            Resources = columns.Resources, Groups = columns.Groups, States = columns.States, Priorities = columns.Priorities,
            ActivityNames = ActivityNames, ResourceNames = ResourceNames, GroupNames = GroupNames,
            StateValues = StateValues, PriorityValues = PriorityValues,
        };
        var eventAttributes = new Dictionary<string, EventAttribute>(StringComparer.Ordinal);
        for (var x = 0; x < _eventAttributes.Count; x++)
        {
            eventAttributes[_eventAttributes[x].Name] = new EventAttribute(_eventAttributes[x].Name, _eventAttributes[x].Values, columns.Extra[x]);
        }

        var built = new EventLog(log, attributes, new EventLogNotes(unsorted, duplicates, DropDuplicates, SkippedRows, _problems) { Remarks = _remarks, GuessedColumns = GuessedColumns, UnreadAttributes = _unread })
        {
            Table = Table, EventAttributes = eventAttributes,
        };
        if (collect) Readers.ReadMemory.GiveBack();
        return built;
    }

    // A case attribute and a field kept per event being read: classes, as lists of tuples have no precompiled code (and were
    // read once per row).
    private sealed record CaseValues(string Name, StringTable Values, CaseCodes Codes)
    {
        // While every value set is its case's own id (a ticket's number beside the number as case id), the values are the case
        // ids and a code the case's own: no table of the same values beside them (185k numbers: their strings and lookup).
        public StringTable Values { get; private set; } = Values;

        public bool IsCaseId { get; private set; } = true;

        // A value that is not its case's id: the values so far become a table of their own.
        public void Unshare(int cases)
        {
            var (ids, values) = (Values, new StringTable());
            for (var c = 0; c < cases; c++)
            {
                if (Codes[c] >= 0) Codes[c] = values.Intern(ids[c]);
            }

            (Values, IsCaseId) = (values, false);
        }
    }

    private sealed record EventValues(string Name, StringTable Values, EventColumn<int> Codes);
}
