namespace Plumb.Mining.EventLogs;

using System.Runtime.InteropServices;

/// <summary>Interns the distinct values of one column (activity names, groups, case ids) so events hold small integer codes.</summary>
public sealed class StringTable
{
    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly List<string> _values = [];

    /// <summary>An empty table with ordinal comparison.</summary>
    public StringTable()
    {
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
        _spanLookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of distinct values.</summary>
    public int Count => _values.Count;

    /// <summary>The value behind a code.</summary>
    public string this[int code] => _values[code];

    /// <summary>Every value, in order of first appearance (the code is the index).</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_spanLookup, value, out var exists);
        if (!exists)
        {
            slot = _values.Count;
            _values.Add(value.ToString());
        }

        return slot;
    }

    /// <summary>The code of a value, adding it when new.</summary>
    public int Intern(string value) => Intern(value.AsSpan());

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(string value) => _codes.TryGetValue(value, out var code) ? code : -1;

    /// <summary>The code of a value, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<char> value) => _spanLookup.TryGetValue(value, out var code) ? code : -1;

    /// <summary>The value behind a code, or null for -1.</summary>
    public string? NameOf(int code) => code < 0 ? null : _values[code];
}
