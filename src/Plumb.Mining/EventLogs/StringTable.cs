namespace Plumb.Mining.EventLogs;

/// <summary>Interns the distinct values of one column (activity names, groups, case ids) so events hold small integer codes.</summary>
public sealed class StringTable
{
    // Open addressing over the codes (slot = code + 1, 0 = empty), looked up by span: a value read from a file is compared
    // where it lies and becomes a string only when it is new. Lighter than a Dictionary for the ~1 case id per 4 events.
    // Each slot keeps its value's hash beside the code: a probe compares hashes in the slot array and touches a string only
    // when they match, and growing never hashes again (with 10^5-10^6 distinct values the strings are cache misses). Filled
    // up to three quarters: a probe past other hashes stays within a cache line or two, and 185k case ids take 2 MB, not 4.
    private readonly List<string> _values = [];
    private Slot[] _slots = new Slot[16];

    // Whether the newest value was looked up again after it was added (another case holds it too): then it may not be dropped.
    private bool _newestShared;

    /// <summary>The number of distinct values.</summary>
    public int Count => _values.Count;

    /// <summary>The value behind a code.</summary>
    public string this[int code] => _values[code];

    /// <summary>Every value, in order of first appearance (the code is the index).</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> value) => Intern(value, null);

    /// <summary>The code of a value, adding it when new (the string itself, not a copy).</summary>
    public int Intern(string value) => Intern(value.AsSpan(), value);

    private int Intern(ReadOnlySpan<char> value, string? instance)
    {
        var hash = string.GetHashCode(value);
        var at = Probe(value, hash);
        if (_slots[at].Code != 0)
        {
            if (_slots[at].Code == _values.Count) _newestShared = true;
            return _slots[at].Code - 1;
        }

        var code = _values.Count;
        _newestShared = false;
        _values.Add(instance ?? value.ToString());
        _slots[at] = new Slot(code + 1, hash);
        if (_values.Count * 4 > _slots.Length * 3) Grow();
        return code;
    }

    /// <summary>
    /// Drops the newest value when <paramref name="code"/> is it and no lookup found it after it was added: a case attribute
    /// that changes on every event (a task id) then keeps one value per case instead of one per event.
    /// </summary>
    internal bool TryDropNewest(int code)
    {
        if (code != _values.Count - 1 || _newestShared) return false;
        var mask = _slots.Length - 1;
        var at = string.GetHashCode(_values[code].AsSpan()) & mask;
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

        _values.RemoveAt(code);
        _newestShared = true;
        return true;
    }

    /// <summary>The codes here of every value of another table, adding those that are new (the other table's strings, not copies).</summary>
    internal int[] CodesOf(StringTable other)
    {
        var codes = new int[other.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = Intern(other[i]);
        return codes;
    }

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(string value) => Find(value.AsSpan());

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<char> value) => _slots[Probe(value, string.GetHashCode(value))].Code - 1;

    /// <summary>The value behind a code, or null for -1.</summary>
    public string? NameOf(int code) => code < 0 ? null : _values[code];

    private int Probe(ReadOnlySpan<char> value, int hash)
    {
        var mask = _slots.Length - 1;
        var at = hash & mask;
        while (_slots[at] is { Code: not 0 } slot)
        {
            if (slot.Hash == hash && value.SequenceEqual(_values[slot.Code - 1])) return at;
            at = (at + 1) & mask;
        }

        return at;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
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

    private readonly record struct Slot(int Code, int Hash);
}
