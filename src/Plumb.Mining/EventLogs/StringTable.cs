namespace Plumb.Mining.EventLogs;

/// <summary>Interns the distinct values of one column (activity names, groups, case ids) so events hold small integer codes.</summary>
public sealed class StringTable
{
    // Open addressing over the codes (slot = code + 1, 0 = empty), looked up by span: a value read from a file is compared
    // where it lies and becomes a string only when it is new. Lighter than a Dictionary for the ~1 case id per 4 events.
    // Each slot keeps its value's hash beside the code: a probe compares hashes in the slot array and touches a string only
    // when they match, and growing never hashes again (with 10^5-10^6 distinct values the strings are cache misses). Filled
    // up to three quarters: a probe past other hashes stays within a cache line or two, and 185k case ids take 2 MB, not 4.
    private readonly List<string>? _values;
    private readonly PackedStrings? _packed;
    private Slot[] _slots = new Slot[16];

    // Whether the newest value was looked up again after it was added (another case holds it too): then it may not be dropped.
    private bool _newestShared;

    /// <summary>An empty table.</summary>
    public StringTable() => _values = [];

    /// <summary>
    /// An empty table; a packed one keeps its values in one array, not a string each, and makes a string of a value each time
    /// it is asked for: for columns of mostly distinct values read once per case (case ids), not names looked up per event.
    /// </summary>
    internal StringTable(bool packed)
    {
        if (packed) _packed = new PackedStrings();
        else _values = [];
    }

    /// <summary>The number of distinct values.</summary>
    public int Count => _values?.Count ?? _packed!.Count;

    /// <summary>The value behind a code.</summary>
    public string this[int code] => _values is not null ? _values[code] : _packed![Checked(code)];

    /// <summary>The number of characters of the value behind a code.</summary>
    internal int LengthOf(int code) => _values is not null ? _values[code].Length : _packed!.LengthOf(Checked(code));

    /// <summary>
    /// The characters of the value behind a code: a packed table's copied into <paramref name="buffer"/> (at least
    /// <see cref="LengthOf"/> long) without becoming a string, as a per-case report writes the case ids (~8 MB of strings on
    /// 1M events); another table's are its string's own.
    /// </summary>
    internal ReadOnlySpan<char> Chars(int code, Span<char> buffer) => _packed is not null ? _packed.CopyTo(Checked(code), buffer) : _values![code];

    /// <summary>The characters of the value behind a code, as <see cref="Chars(int, Span{char})"/>, into a buffer grown when the value is longer.</summary>
    internal ReadOnlySpan<char> Chars(int code, ref char[] buffer)
    {
        var length = LengthOf(code);
        if (length > buffer.Length) buffer = new char[Math.Max(length, 2 * buffer.Length)];
        return Chars(code, buffer);
    }

    /// <summary>Every value, in order of first appearance (the code is the index).</summary>
    public IReadOnlyList<string> Values => (IReadOnlyList<string>?)_values ?? new PackedValues(this);

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> value) => Intern(value, null);

    /// <summary>The code of a value, adding it when new (the string itself, not a copy).</summary>
    public int Intern(string value) => Intern(value.AsSpan(), value);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int Intern(ReadOnlySpan<char> value, string? instance)
    {
        var hash = string.GetHashCode(value);
        var at = Probe(Lookup(), value, hash);
        if (_slots[at].Code != 0)
        {
            if (_slots[at].Code == Count) _newestShared = true;
            return _slots[at].Code - 1;
        }

        var code = Count;
        _newestShared = false;
        if (_values is not null) _values.Add(instance ?? value.ToString());
        else _packed!.Add(value);
        _slots[at] = new Slot(code + 1, hash);
        if (Count * 4 > _slots.Length * 3) Grow();
        return code;
    }

    /// <summary>
    /// Drops the newest value when <paramref name="code"/> is it and no lookup found it after it was added: a case attribute
    /// that changes on every event (a task id) then keeps one value per case instead of one per event.
    /// </summary>
    internal bool TryDropNewest(int code)
    {
        if (code != Count - 1 || _newestShared) return false;
        if (_slots.Length == 0) _slots = Rebuild();
        var mask = _slots.Length - 1;
        var at = HashOf(code) & mask;
        while (_slots[at].Code != code + 1) at = (at + 1) & mask;

        // Linear probing: empty the slot, then move later entries of the same run back so none is cut off from its hash.
        _slots[at] = default;
        var next = (at + 1) & mask;
        while (_slots[next].Code != 0)
        {
            var moved = _slots[next];
            _slots[next] = default;
            var home = moved.Hash & mask;
            while (_slots[home].Code != 0) home = (home + 1) & mask;
            _slots[home] = moved;
            next = (next + 1) & mask;
        }

        if (_values is not null) _values.RemoveAt(code);
        else _packed!.RemoveLast();
        _newestShared = true;
        return true;
    }

    // The hash a value was added with, from the value itself.
    private int HashOf(int code)
    {
        if (_values is not null) return string.GetHashCode(_values[code].AsSpan());
        var length = _packed!.LengthOf(code);
        var buffer = length <= 256 ? stackalloc char[length] : new char[length];
        return string.GetHashCode(_packed.CopyTo(code, buffer));
    }

    /// <summary>The codes here of every value of another table, adding those that are new (the other table's strings, not copies).</summary>
    internal int[] CodesOf(StringTable other)
    {
        var codes = new int[other.Count];
        if (other._values is not null)
        {
            for (var i = 0; i < codes.Length; i++) codes[i] = Intern(other._values[i]);
            return codes;
        }

        // A packed table's values are looked up as characters, not made strings first.
        var buffer = new char[256];
        if (_packed is not null && other._slots.Length > 0)
        {
            MergePacked(other, codes, buffer);
            return codes;
        }

        for (var i = 0; i < codes.Length; i++) codes[i] = Intern(other.Chars(i, ref buffer));

        return codes;
    }

    // CodesOf for two packed tables (the case ids of the parts of a file read in parts): each value's hash is the one the
    // other table keeps in its slots, not computed again, its characters are read only when a hash is found here too, and a
    // new value's bytes are copied as they are packed. Room for all of them is made first, so the lookup grows once (92k case
    // ids: 17-22 ms, most of it copying each value out and hashing it again).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void MergePacked(StringTable other, int[] codes, char[] buffer)
    {
        var hashes = new int[other.Count];
        foreach (var slot in other._slots)
        {
            if (slot.Code != 0) hashes[slot.Code - 1] = slot.Hash;
        }

        Lookup();
        Reserve(Count + other.Count);
        var (slots, packed, from) = (_slots, _packed!, other._packed!);
        var mask = slots.Length - 1;
        for (var i = 0; i < codes.Length; i++)
        {
            var hash = hashes[i];
            var at = hash & mask;
            while (slots[at] is { Code: not 0 } slot)
            {
                if (slot.Hash == hash && packed.Equals(slot.Code - 1, other.Chars(i, ref buffer))) break;
                at = (at + 1) & mask;
            }

            if (slots[at].Code != 0)
            {
                codes[i] = slots[at].Code - 1;
                _newestShared |= codes[i] == Count - 1;
                continue;
            }

            codes[i] = Count;
            packed.AddFrom(from, i, ref buffer);
            slots[at] = new Slot(Count, hash);
            _newestShared = false;
        }
    }

    /// <summary>Whether the value behind a code is this one (a packed table's compared where it lies, not made a string).</summary>
    internal bool Holds(int code, ReadOnlySpan<char> value) =>
        _values is not null ? value.SequenceEqual(_values[code]) : _packed!.Equals(Checked(code), value);

    /// <summary>
    /// Makes room for this many values at once (a column of one value per case, its cases counted beforehand), so the lookup
    /// and the list do not grow by doubling, each step's old array left behind.
    /// </summary>
    internal void Reserve(int count)
    {
        var size = Math.Max(16, _slots.Length);
        while (count * 4 > size * 3) size *= 2;
        if (size > _slots.Length && _slots.Length > 0) Grow(size);

        if (_values is not null && _values.Capacity < count) _values.Capacity = count;
    }

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(string value) => Find(value.AsSpan());

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<char> value)
    {
        var slots = Lookup();
        return slots[Probe(slots, value, string.GetHashCode(value))].Code - 1;
    }

    /// <summary>
    /// Lets go of the lookup of a table that is now read by code (the case ids of a built log: 2 MB for 185k of them); the next
    /// lookup by value builds it again.
    /// </summary>
    internal void ReleaseLookup() => _slots = [];

    /// <summary>Gives the list of values the length it holds, its room past them let go.</summary>
    internal void TrimExcess() => _values?.TrimExcess();

    // The slots, built again when they were let go. Readers on several threads may each build them: each gets a whole array.
    private Slot[] Lookup() => _slots.Length > 0 ? _slots : _slots = Rebuild();

    private Slot[] Rebuild()
    {
        var size = 16;
        while (Count * 4 > size * 3) size *= 2;
        var slots = new Slot[size];
        var mask = size - 1;
        for (var code = 0; code < Count; code++)
        {
            var hash = HashOf(code);
            var at = hash & mask;
            while (slots[at].Code != 0) at = (at + 1) & mask;
            slots[at] = new Slot(code + 1, hash);
        }

        return slots;
    }

    /// <summary>The value behind a code, or null for -1.</summary>
    public string? NameOf(int code) => code < 0 ? null : this[code];

    private int Probe(Slot[] slots, ReadOnlySpan<char> value, int hash)
    {
        var mask = slots.Length - 1;
        var at = hash & mask;
        while (slots[at] is { Code: not 0 } slot)
        {
            if (slot.Hash == hash && (_values is not null ? value.SequenceEqual(_values[slot.Code - 1]) : _packed!.Equals(slot.Code - 1, value))) return at;
            at = (at + 1) & mask;
        }

        return at;
    }

    private void Grow() => Grow(_slots.Length * 2);

    private void Grow(int size)
    {
        var slots = new Slot[size];
        var mask = slots.Length - 1;
        foreach (var slot in _slots)
        {
            if (slot.Code == 0) continue;
            var at = slot.Hash & mask;
            while (slots[at].Code != 0) at = (at + 1) & mask;
            slots[at] = slot;
        }

        _slots = slots;
    }

    // The packed values' array has room past the last value: a code beyond it is refused as a list's would be.
    private int Checked(int code)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)code, (uint)Count, nameof(code));
        return code;
    }

    private readonly record struct Slot(int Code, int Hash);

    // The values of a packed table as a list: each one made a string when read.
    private sealed class PackedValues(StringTable table) : IReadOnlyList<string>
    {
        public int Count => table.Count;

        public string this[int index] => table[index];

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < table.Count; i++) yield return table[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
