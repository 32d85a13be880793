namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>
/// What the ServiceNow JSON reader collects before it builds the log: records and <c>sys_audit</c> rows in parts
/// (<see cref="SnowJsonPart"/>), in input order. A stream is read into the last part; halves of a file read at once on two
/// threads each fill a part of their own (<see cref="Adopt"/>), so no pool is merged or locked. A record's rows are looked up
/// in every part: a record and its rows may lie in different parts, as in different files.
/// </summary>
internal sealed class SnowJsonInput
{
    private readonly TimestampParser _parser;
    private readonly HashSet<string>? _recordFields;
    private readonly HashSet<string>? _eventFields;
    private readonly HashSet<string>? _dateFields;
    private readonly List<SnowJsonPart> _parts = [];

    // Where each part's records start in the input's numbering; null until a record is looked up after reading.
    private int[]? _recordStarts;

    /// <summary>
    /// An input keeping every field of its records, or only <paramref name="recordFields"/> (and the sys_ids beside them); and
    /// the values and user of every audit row, or only of rows of <paramref name="eventFields"/> (the fields whose changes
    /// become events: another field's row keeps only its record, time and field). A record's <paramref name="dateFields"/> keep
    /// their times, not their text, when they read as timestamps (see <see cref="Record"/>).
    /// </summary>
    public SnowJsonInput(TimestampParser parser, IEnumerable<string>? recordFields = null, IEnumerable<string>? eventFields = null,
        IEnumerable<string>? dateFields = null)
    {
        _parser = parser;
        if (recordFields is not null) _recordFields = new HashSet<string>(recordFields, StringComparer.OrdinalIgnoreCase);
        if (eventFields is not null) _eventFields = new HashSet<string>(eventFields, StringComparer.OrdinalIgnoreCase);
        if (dateFields is not null) _dateFields = new HashSet<string>(dateFields, StringComparer.OrdinalIgnoreCase);
        _parts.Add(NewPart());
    }

    private SnowJsonInput(TimestampParser parser, HashSet<string>? recordFields, HashSet<string>? eventFields, HashSet<string>? dateFields, bool packedValues,
        StringTable? sharedValues)
    {
        (_parser, _recordFields, _eventFields, _dateFields) = (parser, recordFields, eventFields, dateFields);
        _parts.Add(NewPart(packedValues, sharedValues));
    }

    private SnowJsonPart NewPart(bool packedValues = false, StringTable? sharedValues = null) =>
        new(_recordFields, _eventFields, _dateFields, _parser, packedValues, sharedValues);

    /// <summary>The parts, in input order.</summary>
    internal IReadOnlyList<SnowJsonPart> Parts => _parts;

    /// <summary>The part being read into.</summary>
    public SnowJsonPart Current => _parts[^1];

    // Counted without LINQ: a pass over the records asks once per record, and Sum boxes the list's enumerator each time (7 MB
    // over 185k records).

    /// <summary>The number of task and directory records.</summary>
    public int RecordCount
    {
        get
        {
            var count = 0;
            foreach (var part in _parts) count += part.RecordCount;
            return count;
        }
    }

    /// <summary>The number of audit rows.</summary>
    public int AuditCount
    {
        get
        {
            var count = 0;
            foreach (var part in _parts) count += part.AuditCount;
            return count;
        }
    }

    /// <summary>The number of records and audit rows read so far, over every stream (the n of "record n" in messages).</summary>
    public int Index { get; set; }

    /// <summary>The audit row that stopped reading (a time that is not one), or null.</summary>
    public LogProblem? Problem { get; private set; }

    /// <summary>
    /// A fresh input for another part of the same stream, keeping the same fields; with <paramref name="packedValues"/>, its
    /// values are packed (no string each) until it is adopted. When this input holds values already (an audit file read after
    /// its records), the sibling takes the codes of those its pool holds, looking them up there while it is read (nothing may
    /// add to that pool meanwhile), and pools only the others, packed.
    /// </summary>
    public SnowJsonInput Sibling(bool packedValues = false) => HoldsValues
        ? new(_parser, _recordFields, _eventFields, _dateFields, packedValues: true, _parts[0].Values)
        : new(_parser, _recordFields, _eventFields, _dateFields, packedValues, null);

    // Whether a part adopted now joins a pool of values this input holds (the first part's, which Adopt keeps).
    private bool HoldsValues => _parts.Count > 1 || Current is not { RecordCount: 0, AuditCount: 0 };

    /// <summary>
    /// Appends the parts another input read from the next part of the same stream, and its count of records read; their values
    /// become codes of the first part's pool, which every part then shares (a record's sys_id one string in all of them).
    /// </summary>
    public void Adopt(SnowJsonInput next)
    {
        if (Current is { RecordCount: 0, AuditCount: 0 }) _parts.RemoveAt(_parts.Count - 1);
        _parts.AddRange(next._parts);
        foreach (var part in next._parts) part.ShareValues(_parts[0].Values);
        Index += next.Index;
        _recordStarts = null;
    }

    /// <summary>Lets go of every record and row read, once the log is derived from them (so they are not held while it is built).</summary>
    public void Clear()
    {
        _parts.Clear();
        _parts.Add(NewPart());
        _recordStarts = null;
    }

    /// <summary>Adds an audit row whose time is text; false (and <see cref="Problem"/> set) when the time is not a timestamp.</summary>
    public bool AddAudit(ReadOnlySpan<char> key, ReadOnlySpan<char> time, ReadOnlySpan<char> field, ReadOnlySpan<char> old, ReadOnlySpan<char> value,
        ReadOnlySpan<char> user)
    {
        if (!_parser.TryParse(time, out var ticks))
        {
            Problem = new LogProblem(0, "sys_created_on", $"audit row {Index}: '{time}' is not a timestamp");
            return false;
        }

        Current.AddAudit(key, ticks, field, old, value, user);
        return true;
    }

    /// <summary>Adds an audit row.</summary>
    public void AddAudit(ReadOnlySpan<char> key, long ticks, ReadOnlySpan<char> field, ReadOnlySpan<char> old, ReadOnlySpan<char> value, ReadOnlySpan<char> user) =>
        Current.AddAudit(key, ticks, field, old, value, user);

    /// <summary>
    /// Adds a record read as a field map (an XML unload's): an audit row when it has <c>documentkey</c> and <c>fieldname</c>,
    /// else a task or directory record. False (and <see cref="Problem"/> set) for an audit row whose time is not one.
    /// </summary>
    public bool Add(Dictionary<string, string> row)
    {
        Index++;
        if (row.TryGetValue("documentkey", out var key) && row.TryGetValue("fieldname", out var field))
        {
            return AddAudit(key, row.GetValueOrDefault("sys_created_on", ""), field, row.GetValueOrDefault("oldvalue", ""), row.GetValueOrDefault("newvalue", ""),
                row.GetValueOrDefault("user", ""));
        }

        var part = Current;
        foreach (var (name, value) in row)
        {
            var code = part.Names.Intern(name);
            if (part.Keeps(code)) part.AddField(code, value);
        }

        part.EndRecord();
        return true;
    }

    /// <summary>
    /// A record as a field map (a field given twice keeps its last value): a new one, or <paramref name="into"/> emptied and
    /// filled; a date field read as a timestamp is empty there, its time in <paramref name="times"/> when given.
    /// </summary>
    public Dictionary<string, string> Record(int index, Dictionary<string, string>? into = null, Dictionary<string, long>? times = null)
    {
        if (_recordStarts is null)
        {
            _recordStarts = new int[_parts.Count];
            for (var p = 1; p < _parts.Count; p++) _recordStarts[p] = _recordStarts[p - 1] + _parts[p - 1].RecordCount;
        }

        var part = Array.BinarySearch(_recordStarts, index);
        if (part < 0) part = ~part - 1;

        // Empty parts share their start with the next one: the record is in the last part starting there.
        while (part + 1 < _parts.Count && _recordStarts[part + 1] == index) part++;
        return _parts[part].Record(index - _recordStarts[part], into, times);
    }

    /// <summary>
    /// Hands the room of the records before <paramref name="index"/> (in the input's numbering) to <paramref name="events"/>,
    /// once their events are derived (<see cref="SnowJsonPart.HandRecordsBefore"/>); they are not read again.
    /// </summary>
    public void HandRecordsBefore(int index, EventLogBuilder events)
    {
        var start = 0;
        foreach (var part in _parts)
        {
            part.HandRecordsBefore(index - start, events);
            start += part.RecordCount;
            if (start > index) return;
        }
    }

    /// <summary>Every record as a field map, in input order.</summary>
    public IEnumerable<Dictionary<string, string>> Records()
    {
        foreach (var part in _parts)
        {
            for (var i = 0; i < part.RecordCount; i++) yield return part.Record(i);
        }
    }

    /// <summary>The key a record's audit rows are looked up by: its sys_id when rows have it, else its number (or sys_id when it has none).</summary>
    public string KeyOf(string sysId, string id)
    {
        foreach (var part in _parts)
        {
            if (part.HasRowsOf(sysId)) return sysId;
        }

        return id;
    }

    /// <summary>
    /// The code of a key (a sys_id or number) in the values every part shares, by which its rows are looked up; -1 when no
    /// record or row has it.
    /// </summary>
    public int CodeOf(string key) => _parts[0].Values.Find(key);

    /// <summary>Announces a lookup of the rows of this key (see <see cref="SnowJsonPart.Expect"/>): rows are let go once their last announced lookup is done.</summary>
    public void Expect(string key) => Expect(CodeOf(key));

    /// <summary>Announces a lookup of the rows of the key with this code (<see cref="CodeOf"/>).</summary>
    public void Expect(int key)
    {
        foreach (var part in _parts) part.Expect(key);
    }

    /// <summary>
    /// Puts the audit rows of the record with this key (its sys_id or number) into <paramref name="rows"/>, in input order; false
    /// when it has none. Rows let go after their last announced lookup hand their arrays to <paramref name="events"/> when given.
    /// </summary>
    public bool RowsOf(string key, List<AuditRow> rows, EventLogBuilder? events = null) => RowsOf(CodeOf(key), rows, events);

    /// <summary>The audit rows of the key with this code (<see cref="CodeOf"/>), as <see cref="RowsOf(string, List{AuditRow}, EventLogBuilder?)"/>.</summary>
    public bool RowsOf(int key, List<AuditRow> rows, EventLogBuilder? events = null)
    {
        rows.Clear();
        foreach (var part in _parts) part.AddRowsOf(key, rows, events);
        return rows.Count > 0;
    }

    /// <summary>
    /// Lets go of the values' lookup by text once every key's code is known (the values are still read by code): for 185k
    /// records its 4 MB would be held while the log is derived. A lookup after this builds it again.
    /// </summary>
    public void ReleaseLookup() => _parts[0].Values.ReleaseLookup();

    /// <summary>Gives the values' list the length it holds (a list grown by doubling has up to half of it empty).</summary>
    public void TrimExcess() => _parts[0].Values.TrimExcess();
}
