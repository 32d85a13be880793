namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>
/// What the ServiceNow JSON reader collects before it builds the log: the task (and directory) records as field maps, and the
/// <c>sys_audit</c> rows column-wise (record key, time, field, old and new value, user as codes of one string pool), grouped per
/// record by sorting row numbers on the key code instead of a list of row objects per key. Field names and values come from
/// the pools, so a value repeated over a million rows ("state", "2", a user) is one string, and a record's sys_id is the same
/// string in the record and in its audit rows.
/// </summary>
internal sealed class SnowJsonInput(TimestampParser parser)
{
    private int[] _key = new int[1024], _field = new int[1024], _old = new int[1024], _new = new int[1024], _user = new int[1024];
    private long[] _time = new long[1024];
    private int _count;

    // Per value code (of a key), where its rows start in _order (and the next key's start is where they end); built once reading is done.
    private int[]? _starts, _order;

    // The task and directory records, in input order, as (name code, value code) pairs: a field map is made of one only when
    // it is used, so a million records do not live as a million dictionaries while the rest of the input is read.
    private int[] _pairs = new int[1024];
    private int _pairCount;
    private readonly List<int> _recordEnds = [];

    /// <summary>The number of task and directory records.</summary>
    public int RecordCount => _recordEnds.Count;

    /// <summary>Field names, interned.</summary>
    public StringTable Names { get; } = new();

    /// <summary>Field values, interned.</summary>
    public StringTable Values { get; } = new();

    /// <summary>The number of records and audit rows read so far, over every stream (the n of "record n" in messages).</summary>
    public int Index { get; set; }

    /// <summary>The audit row that stopped reading (a time that is not one), or null.</summary>
    public LogProblem? Problem { get; private set; }

    /// <summary>The number of audit rows.</summary>
    public int AuditCount => _count;

    /// <summary>Adds an audit row whose time is text; false (and <see cref="Problem"/> set) when the time is not a timestamp.</summary>
    public bool AddAudit(ReadOnlySpan<char> key, ReadOnlySpan<char> time, ReadOnlySpan<char> field, ReadOnlySpan<char> old, ReadOnlySpan<char> value,
        ReadOnlySpan<char> user)
    {
        if (!parser.TryParse(time, out var ticks))
        {
            Problem = new LogProblem(0, "sys_created_on", $"audit row {Index}: '{time}' is not a timestamp");
            return false;
        }

        AddAudit(key, ticks, field, old, value, user);
        return true;
    }

    /// <summary>Adds an audit row.</summary>
    public void AddAudit(ReadOnlySpan<char> key, long ticks, ReadOnlySpan<char> field, ReadOnlySpan<char> old, ReadOnlySpan<char> value, ReadOnlySpan<char> user)
    {
        if (_count == _key.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _key, size);
            Array.Resize(ref _field, size);
            Array.Resize(ref _old, size);
            Array.Resize(ref _new, size);
            Array.Resize(ref _user, size);
            Array.Resize(ref _time, size);
        }

        _key[_count] = Values.Intern(key);
        _time[_count] = ticks;
        _field[_count] = Values.Intern(field);
        _old[_count] = Values.Intern(old);
        _new[_count] = Values.Intern(value);
        _user[_count] = Values.Intern(user);
        _count++;
        _starts = null;
    }

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

        foreach (var (name, value) in row) AddField(Names.Intern(name), Values.Intern(value));
        EndRecord();
        return true;
    }

    /// <summary>Adds a field of the record being added (codes of <see cref="Names"/> and <see cref="Values"/>).</summary>
    public void AddField(int name, int value)
    {
        if (_pairCount + 2 > _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
        _pairs[_pairCount++] = name;
        _pairs[_pairCount++] = value;
    }

    /// <summary>Ends the record whose fields were added.</summary>
    public void EndRecord() => _recordEnds.Add(_pairCount);

    /// <summary>A record as a field map (a field given twice keeps its last value).</summary>
    public Dictionary<string, string> Record(int index)
    {
        var (from, to) = (index == 0 ? 0 : _recordEnds[index - 1], _recordEnds[index]);
        var record = new Dictionary<string, string>((to - from) / 2, StringComparer.Ordinal);
        for (var i = from; i < to; i += 2) record[Names[_pairs[i]]] = Values[_pairs[i + 1]];
        return record;
    }

    /// <summary>Every record as a field map, in input order.</summary>
    public IEnumerable<Dictionary<string, string>> Records()
    {
        for (var i = 0; i < RecordCount; i++) yield return Record(i);
    }

    /// <summary>The audit rows of the record with this key (its sys_id or number), in input order; null when it has none.</summary>
    public List<AuditRow>? RowsOf(string key)
    {
        var code = Values.Find(key);
        if (code < 0 || _count == 0) return null;
        if (_starts is null) Group();
        if (code + 1 >= _starts!.Length) return null;
        var (from, to) = (_starts[code], _starts[code + 1]);
        if (from == to) return null;
        var rows = new List<AuditRow>(to - from);
        for (var i = from; i < to; i++)
        {
            var r = _order![i];
            rows.Add(new AuditRow(_time[r], Values[_field[r]], Values[_old[r]], Values[_new[r]], Values[_user[r]]));
        }

        return rows;
    }

    // A counting sort of the row numbers on their key code: stable, so each record's rows keep the order they were read in.
    private void Group()
    {
        var starts = new int[Values.Count + 1];
        for (var i = 0; i < _count; i++) starts[_key[i] + 1]++;
        for (var k = 0; k < Values.Count; k++) starts[k + 1] += starts[k];
        var next = starts[..^1];
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[next[_key[i]]++] = i;
        (_starts, _order) = (starts, order);
    }
}
