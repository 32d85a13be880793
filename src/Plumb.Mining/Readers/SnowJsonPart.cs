namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>
/// A part of what the ServiceNow JSON reader collects (<see cref="SnowJsonInput"/>), with its own string pools: the task (and
/// directory) records as field maps, and the <c>sys_audit</c> rows column-wise (record key, time, field, old and new value, user
/// as codes of one string pool), grouped per record by sorting row numbers on the key code instead of a list of row objects per
/// key. Field names and values come from the pools, so a value repeated over a million rows ("state", "2", a user) is one
/// string, and a record's sys_id is the same string in the record and in its audit rows. Given the fields the log is built
/// from, a record keeps only those: an export's other fields (descriptions, dates no event needs) would be a string each.
/// </summary>
internal sealed class SnowJsonPart(HashSet<string>? recordFields, HashSet<string>? eventFields = null, HashSet<string>? dateFields = null,
    TimestampParser? parser = null, bool packedValues = false, StringTable? sharedValues = null)
{
    // Per field code of an audit row, whether its values and user are kept (a journal field's text would be a string a row).
    private readonly Dictionary<int, bool> _carries = [];
    private int? _empty;

    // A part read beside a pool it will join (an audit file after its records): a value that pool holds has that pool's code,
    // looked up and never written while both halves read; another has the complement of its code in this part's own pool. So
    // the records' sys_ids the rows name are neither copied nor pooled again (185k of them: 6 MB packed, their lookups 4 MB).
    private readonly StringTable? _shared = sharedValues;

    // Audit rows live in chunks of this many, so a million rows grow without copying (nor holding the old and the new array
    // at once, as doubling one array does at its last step).
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<AuditChunk?> _chunks = [];
    private int _count;

    // The rows grouped per key, built once reading is done, over the key codes from _low to the highest this part has: per
    // key where its rows start in _order and the next key's start where they end; or, when each key's rows lie in one run
    // (an export grouped by record), where the run starts and ends in the rows themselves, and no _order (7 MB for 1.8M rows).
    private int _low;
    private int[]? _starts, _ends, _order;

    // Once the lookups to come are announced (Expect): per key code how many are still to come, and per chunk how many of its
    // rows a coming lookup still needs. A chunk no lookup needs any more is let go while the log is derived, so the rows
    // already turned into events are not held beside the events (rows come grouped by record in an export: chunk after chunk goes).
    // A key looked up more than 254 times counts as 255, whose rows are held to the end (a byte a key, not four).
    private byte[]? _pending;
    private int[]? _needed;

    // The task and directory records, in input order, as (name code, value code) pairs: a field map is made of one only when
    // it is used, so a million records do not live as a million dictionaries while the rest of the input is read. In chunks as
    // the rows: a doubled array would be up to twice the pairs, and its old halves garbage.
    private readonly List<int[]> _pairs = [];
    private int _pairsHanded;
    private int _pairCount;
    private readonly List<int> _recordEnds = [];

    // Per name code, whether a record keeps the field (every field when no names were given), and whether it is a date kept
    // as its time: a pair of a date has the name code's complement and the index of its time in _times, and the text of a
    // time unique per record (opened_at) is no string in the pool (185k records: some 20 MB with the pool's room for them).
    private readonly List<bool> _keeps = [];
    private readonly List<bool> _dates = [];
    private readonly EventColumn<long> _times = new();

    /// <summary>The number of task and directory records.</summary>
    public int RecordCount => _recordEnds.Count;

    /// <summary>Field names, interned.</summary>
    public StringTable Names { get; } = new();

    /// <summary>
    /// Field values, interned: the part's own pool while it is read (packed, no string each, when it is to join another's), then
    /// the input's (<see cref="ShareValues"/>).
    /// </summary>
    public StringTable Values { get; private set; } = new(packedValues);

    /// <summary>The number of audit rows.</summary>
    public int AuditCount => _count;

    /// <summary>The chunks of audit rows still held (those a lookup to come needs, or that no lookup was announced for).</summary>
    internal int ChunksHeld => _chunks.Count(c => c is not null);

    /// <summary>
    /// Makes this part's values codes of <paramref name="pool"/> (the input's, which gets those it lacks, as the same strings),
    /// and lets its own pool go: halves read on two threads each pooled the sys_ids they met, and the second half's audit rows
    /// would otherwise hold a second string of every record's sys_id. Only before any lookup of rows.
    /// </summary>
    public void ShareValues(StringTable pool)
    {
        if (ReferenceEquals(pool, Values)) return;
        if (_pending is not null) throw new InvalidOperationException("values are shared before any lookup of rows is announced");
        if (_shared is not null && !ReferenceEquals(pool, _shared)) throw new InvalidOperationException("a part read beside a pool joins that pool");
        var codes = pool.CodesOf(Values);
        var shared = _shared is not null;
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c]!;
            var length = Math.Min(ChunkSize, _count - (c << ChunkBits));
            foreach (var column in (ReadOnlySpan<int[]>)[chunk.Key!, chunk.Field, chunk.Old, chunk.New, chunk.User]) Translate(column.AsSpan(0, length), codes, shared);
        }

        // A record's pairs are (name, value): only every second code is a value's, and a date's is the index of its time.
        for (var i = 0; i < _pairCount; i += 2)
        {
            var (chunk, at) = (_pairs[i >> ChunkBits], i & (ChunkSize - 1));
            if (chunk[at] >= 0) chunk[at + 1] = Translated(chunk[at + 1], codes, shared);
        }

        var carries = _carries.ToList();
        _carries.Clear();
        foreach (var (field, carried) in carries) _carries[Translated(field, codes, shared)] = carried;
        if (_empty is { } empty) _empty = Translated(empty, codes, shared);
        (_starts, _ends, _order, _pending, _needed) = (null, null, null, null, null);
        Values = pool;

        static void Translate(Span<int> values, int[] codes, bool shared)
        {
            for (var i = 0; i < values.Length; i++) values[i] = Translated(values[i], codes, shared);
        }

        static int Translated(int code, int[] codes, bool shared) => !shared ? codes[code] : code < 0 ? codes[~code] : code;
    }

    /// <summary>
    /// The code of a value while the part is read: its own pool's, or, read beside a pool it will join, that pool's when it holds
    /// the value and else the complement of its own pool's (see <see cref="ShareValues"/>, which makes every code the pool's).
    /// </summary>
    public int ValueCode(ReadOnlySpan<char> value)
    {
        if (_shared is null) return Values.Intern(value);
        var code = _shared.Find(value);
        return code >= 0 ? code : ~Values.Intern(value);
    }

    // The value behind a code of ValueCode.
    private string ValueOf(int code) => code < 0 ? Values[~code] : (_shared ?? Values)[code];

    /// <summary>Whether a record keeps the field with this name code (its value is interned and stored only then).</summary>
    public bool Keeps(int name)
    {
        if (recordFields is null) return true;
        while (_keeps.Count <= name)
        {
            var field = Names[_keeps.Count];
            if (field.StartsWith(SnowReferences.SysIdPrefix, StringComparison.Ordinal)) field = field[SnowReferences.SysIdPrefix.Length..];
            _keeps.Add(recordFields.Contains(field));
        }

        return _keeps[name];
    }

    /// <summary>
    /// Adds a field of the record being added (its name a code of <see cref="Names"/>): a date field the part was given keeps
    /// its time when its value reads as one, any other value is interned.
    /// </summary>
    public void AddField(int name, ReadOnlySpan<char> value)
    {
        if (value.Length > 0 && IsDate(name) && parser!.TryParse(value, out var ticks))
        {
            AddPair(~name, _times.Count);
            _times.Add(ticks);
            return;
        }

        AddField(name, ValueCode(value));
    }

    private bool IsDate(int name)
    {
        if (dateFields is null) return false;
        while (_dates.Count <= name) _dates.Add(dateFields.Contains(Names[_dates.Count]));
        return _dates[name];
    }

    /// <summary>Adds an audit row.</summary>
    public void AddAudit(ReadOnlySpan<char> key, long ticks, ReadOnlySpan<char> field, ReadOnlySpan<char> old, ReadOnlySpan<char> value, ReadOnlySpan<char> user)
    {
        if (_pending is not null) throw new InvalidOperationException("audit rows are added before their lookups are announced");
        var (keyCode, fieldCode) = (ValueCode(key), ValueCode(field));
        int oldCode, newCode, userCode;
        if (Carries(fieldCode))
        {
            (oldCode, newCode, userCode) = (ValueCode(old), ValueCode(value), ValueCode(user));
        }
        else
        {
            _empty ??= ValueCode("");
            oldCode = newCode = userCode = _empty.Value;
        }

        if ((_count & (ChunkSize - 1)) == 0 && _count >> ChunkBits == _chunks.Count) _chunks.Add(new AuditChunk(ChunkSize));
        var chunk = _chunks[_count >> ChunkBits]!;
        var at = _count & (ChunkSize - 1);
        chunk.Key![at] = keyCode;
        chunk.Time[at] = ticks;
        chunk.Field[at] = fieldCode;
        chunk.Old[at] = oldCode;
        chunk.New[at] = newCode;
        chunk.User[at] = userCode;
        _count++;
        (_starts, _pending) = (null, null);
    }

    private bool Carries(int field)
    {
        if (eventFields is null) return true;
        if (!_carries.TryGetValue(field, out var carries)) _carries[field] = carries = eventFields.Contains(ValueOf(field));
        return carries;
    }

    /// <summary>Adds a field of the record being added (codes of <see cref="Names"/> and <see cref="Values"/>).</summary>
    public void AddField(int name, int value) => AddPair(name, value);

    private void AddPair(int name, int value)
    {
        // A chunk holds an even number of codes, so a pair never straddles two.
        if ((_pairCount & (ChunkSize - 1)) == 0 && _pairCount >> ChunkBits == _pairs.Count) _pairs.Add(new int[ChunkSize]);
        var chunk = _pairs[_pairCount >> ChunkBits];
        var at = _pairCount & (ChunkSize - 1);
        chunk[at] = name;
        chunk[at + 1] = value;
        _pairCount += 2;
    }

    /// <summary>Ends the record whose fields were added.</summary>
    public void EndRecord() => _recordEnds.Add(_pairCount);

    /// <summary>
    /// A record as a field map (a field given twice keeps its last value): a new one, or <paramref name="into"/> emptied and
    /// filled, so a pass over a million records does not leave a million maps behind. A date kept as its time is an empty
    /// value in the map and its time in <paramref name="times"/> (emptied and filled too) when given.
    /// </summary>
    public Dictionary<string, string> Record(int index, Dictionary<string, string>? into = null, Dictionary<string, long>? times = null)
    {
        var (from, to) = (index == 0 ? 0 : _recordEnds[index - 1], _recordEnds[index]);
        var record = into ?? new Dictionary<string, string>((to - from) / 2, StringComparer.Ordinal);
        record.Clear();
        times?.Clear();
        for (var i = from; i < to; i += 2)
        {
            var (chunk, at) = (_pairs[i >> ChunkBits], i & (ChunkSize - 1));
            if (chunk[at] >= 0)
            {
                record[Names[chunk[at]]] = Values[chunk[at + 1]];

                // A date given again as text that is no time: the text is its value.
                if (times is not null && IsDate(chunk[at])) times.Remove(Names[chunk[at]]);
                continue;
            }

            var name = Names[~chunk[at]];
            record[name] = "";
            times?[name] = _times[chunk[at + 1]];
        }
        return record;
    }

    /// <summary>
    /// Hands the chunks of pairs that hold only records before <paramref name="index"/> to <paramref name="events"/>, once those
    /// records' events are derived: the records' room becomes the events'. Those records are not read again.
    /// </summary>
    public void HandRecordsBefore(int index, EventLogBuilder events)
    {
        var done = index <= 0 ? 0 : index >= RecordCount ? _pairs.Count : _recordEnds[index - 1] >> ChunkBits;
        for (; _pairsHanded < done; _pairsHanded++)
        {
            events.Recycle(_pairs[_pairsHanded]);
            _pairs[_pairsHanded] = [];
        }
    }

    /// <summary>Whether the record with this key (its sys_id or number) has audit rows here.</summary>
    public bool HasRowsOf(string key) => RangeOf(Values.Find(key)) is var (_, from, to) && to > from;

    /// <summary>
    /// Announces a lookup of the rows of the key with this code of <see cref="Values"/> to come (<see cref="AddRowsOf(int, List{AuditRow}, EventLogBuilder?)"/>);
    /// once every lookup is announced, each one lets go of the rows no later one needs. Only lookups announced may follow.
    /// </summary>
    public void Expect(int key)
    {
        if (RangeOf(key) is not var (k, _, _)) return;
        if (_pending is null)
        {
            // Every row holds its chunk, its key announced or not, until its key's last lookup. The rows are grouped, so their
            // keys are no longer read.
            _pending = new byte[_ends?.Length ?? _starts!.Length - 1];
            foreach (var chunk in _chunks) chunk!.Key = null;
            _needed = new int[_chunks.Count];
            for (var c = 0; c < _chunks.Count; c++) _needed[c] = Math.Min(ChunkSize, _count - (c << ChunkBits));
        }

        if (_pending[k] < byte.MaxValue) _pending[k]++;
    }

    /// <summary>
    /// Adds the audit rows of the record with this key (its sys_id or number) to <paramref name="rows"/>, in input order; a
    /// chunk of rows no lookup needs any more is let go, its arrays handed to <paramref name="events"/> when given.
    /// </summary>
    public void AddRowsOf(string key, List<AuditRow> rows, EventLogBuilder? events = null) => AddRowsOf(Values.Find(key), rows, events);

    /// <summary>The rows of the key with this code of <see cref="Values"/>, as <see cref="AddRowsOf(string, List{AuditRow}, EventLogBuilder?)"/>.</summary>
    public void AddRowsOf(int key, List<AuditRow> rows, EventLogBuilder? events = null)
    {
        if (RangeOf(key) is not var (k, from, to)) return;
        for (var i = from; i < to; i++)
        {
            var r = _order?[i] ?? i;
            var chunk = _chunks[r >> ChunkBits]!;
            var at = r & (ChunkSize - 1);
            rows.Add(new AuditRow(chunk.Time[at], Values[chunk.Field[at]], Values[chunk.Old[at]], Values[chunk.New[at]], Values[chunk.User[at]]));
        }

        if (_pending is null || to == from || _pending[k] is 0 or byte.MaxValue || --_pending[k] > 0) return;
        for (var i = from; i < to; i++)
        {
            var c = (_order?[i] ?? i) >> ChunkBits;
            if (--_needed![c] != 0) continue;
            if (events is not null) _chunks[c]!.HandTo(events);
            _chunks[c] = null;
        }
    }

    // The key's place among this part's keys (from _low) and the range of its rows (in _order, or the rows themselves); null
    // when the key is not here.
    private (int Key, int From, int To)? RangeOf(int code)
    {
        if (code < 0 || _count == 0) return null;
        if (_starts is null) Group();
        var k = code - _low;
        if (k < 0 || k >= (_ends?.Length ?? _starts!.Length - 1)) return null;
        return (k, _starts![k], _ends?[k] ?? _starts[k + 1]);
    }

    private int KeyAt(int row) => _chunks[row >> ChunkBits]!.Key![row & (ChunkSize - 1)];

    // Each key's rows counted, and their runs: one run a key, each key's start and end; else a counting sort of the row
    // numbers on their key code, stable, so each record's rows keep the order they were read in.
    private void Group()
    {
        var (low, high) = (int.MaxValue, -1);
        for (var i = 0; i < _count; i++)
        {
            var key = KeyAt(i);
            (low, high) = (Math.Min(low, key), Math.Max(high, key));
        }

        var keys = high - low + 1;
        var starts = new int[keys + 1];
        var runs = true;
        for (int i = 0, last = -1; i < _count; i++)
        {
            var k = KeyAt(i) - low;
            if (k != last && starts[k + 1] > 0) runs = false;
            last = k;
            starts[k + 1]++;
        }

        _low = low;
        if (runs)
        {
            // Where each run starts, then each key's start and end (its count read before the key's own start is written over it).
            var ends = new int[keys];
            for (int i = 0, last = -1; i < _count; i++)
            {
                var k = KeyAt(i) - low;
                if (k != last) ends[k] = i;
                last = k;
            }

            for (var k = 0; k < keys; k++) (starts[k], ends[k]) = (ends[k], ends[k] + starts[k + 1]);
            (_starts, _ends, _order) = (starts, ends, null);
            return;
        }

        for (var k = 0; k < keys; k++) starts[k + 1] += starts[k];

        // Each key's start moves on as its rows are placed, ending at the next key's start: moved back by one, they are the starts again.
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[starts[KeyAt(i) - low]++] = i;
        starts.AsSpan(0, keys).CopyTo(starts.AsSpan(1));
        starts[0] = 0;
        (_starts, _ends, _order) = (starts, null, order);
    }

    private sealed class AuditChunk(int size)
    {
        public readonly int[] Field = new int[size], Old = new int[size], New = new int[size], User = new int[size];

        // The rows' keys, needed only to group them: let go once lookups begin (a seventh of the rows' room).
        public int[]? Key = new int[size];
        public readonly long[] Time = new long[size];

        // The events derived from the rows take their room (the row arrays are the builder's chunk length, see ChunkSize).
        public void HandTo(EventLogBuilder events)
        {
            foreach (var codes in (ReadOnlySpan<int[]>)[Field, Old, New, User]) events.Recycle(codes);
            events.Recycle(Time);
        }
    }
}
