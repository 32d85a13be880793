namespace Plumb.Mining.EventLogs;

/// <summary>Interns the distinct values of one column (activity names, groups, case ids) so events hold small integer codes.</summary>
public sealed class StringTable
{
    // Open addressing over the codes (slot = code + 1, 0 = empty), looked up by span: a value read from a file is compared
    // where it lies and becomes a string only when it is new. Lighter than a Dictionary for the ~1 case id per 4 events.
    private readonly List<string> _values = [];
    private int[] _slots = new int[16];

    // Whether the newest value was looked up again after it was added (another case holds it too): then it may not be dropped.
    private bool _newestShared;

    /// <summary>The number of distinct values.</summary>
    public int Count => _values.Count;

    /// <summary>The value behind a code.</summary>
    public string this[int code] => _values[code];

    /// <summary>Every value, in order of first appearance (the code is the index).</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> value)
    {
        var hash = string.GetHashCode(value);
        var at = Probe(value, hash);
        if (_slots[at] != 0)
        {
            if (_slots[at] == _values.Count) _newestShared = true;
            return _slots[at] - 1;
        }

        var code = _values.Count;
        _newestShared = false;
        _values.Add(value.ToString());
        _slots[at] = code + 1;
        if (_values.Count * 2 > _slots.Length) Grow();
        return code;
    }

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(string value) => Intern(value.AsSpan());

    /// <summary>
    /// Drops the newest value when <paramref name="code"/> is it and no lookup found it after it was added: a case attribute
    /// that changes on every event (a task id) then keeps one value per case instead of one per event.
    /// </summary>
    internal bool TryDropNewest(int code)
    {
        if (code != _values.Count - 1 || _newestShared) return false;
        var value = _values[code];
        var mask = _slots.Length - 1;
        var at = string.GetHashCode(value.AsSpan()) & mask;
        while (_slots[at] != code + 1) at = (at + 1) & mask;

        // Linear probing: empty the slot, then move later entries of the same run back so none is cut off from its hash.
        _slots[at] = 0;
        var next = (at + 1) & mask;
        while (_slots[next] != 0)
        {
            var moved = _slots[next];
            _slots[next] = 0;
            var home = string.GetHashCode(_values[moved - 1].AsSpan()) & mask;
            while (_slots[home] != 0) home = (home + 1) & mask;
            _slots[home] = moved;
            next = (next + 1) & mask;
        }

        _values.RemoveAt(code);
        _newestShared = true;
        return true;
    }

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(string value) => Find(value.AsSpan());

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<char> value) => _slots[Probe(value, string.GetHashCode(value))] - 1;

    /// <summary>The value behind a code, or null for -1.</summary>
    public string? NameOf(int code) => code < 0 ? null : _values[code];

    private int Probe(ReadOnlySpan<char> value, int hash)
    {
        var mask = _slots.Length - 1;
        var at = hash & mask;
        while (_slots[at] is var slot && slot != 0)
        {
            if (value.SequenceEqual(_values[slot - 1])) return at;
            at = (at + 1) & mask;
        }

        return at;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var code = 0; code < _values.Count; code++)
        {
            var at = _values[code].GetHashCode() & mask;
            while (slots[at] != 0) at = (at + 1) & mask;
            slots[at] = code + 1;
        }

        _slots = slots;
    }
}
