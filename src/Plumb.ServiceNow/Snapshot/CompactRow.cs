namespace Plumb.ServiceNow.Snapshot;

using System.Collections;
using System.Diagnostics.CodeAnalysis;

/// <summary>
/// A read-only record held compactly: its field names are one array shared by every row with the same fields, and its
/// values are interned, so a million audit rows cost their distinct strings once instead of a dictionary each.
/// </summary>
public sealed class CompactRow : IReadOnlyDictionary<string, string>
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string[]> Schemas = new(StringComparer.Ordinal);

    private readonly string[] _keys;
    private readonly string[] _values;

    private CompactRow(string[] keys, string[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>A compact copy of <paramref name="fields"/> (a <see cref="CompactRow"/> is returned as it is).</summary>
    public static CompactRow From(IReadOnlyDictionary<string, string> fields) => fields as CompactRow ?? From(fields.Select(f => (f.Key, f.Value)).ToArray());

    /// <summary>A compact row of the fields, in the order given.</summary>
    public static CompactRow From(IReadOnlyList<(string Key, string Value)> fields)
    {
        var values = new string[fields.Count];
        string[] keys;
        lock (Gate)
        {
            var signature = string.Join('\u0001', fields.Select(f => f.Key));
            if (!Schemas.TryGetValue(signature, out keys!))
            {
                keys = [.. fields.Select(f => Intern(f.Key))];
                if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Length) throw new ArgumentException("a field is named twice", nameof(fields));
                Schemas[signature] = keys;
            }

            for (var i = 0; i < values.Length; i++) values[i] = Intern(fields[i].Value);
        }

        return new CompactRow(keys, values);
    }

    // Strings that repeat (states, groups, users, table names, timestamps of one update) are kept once.
    private static string Intern(string value)
    {
        if (Pool.TryGetValue(value, out var pooled)) return pooled;
        Pool[value] = value;
        return value;
    }

    /// <inheritdoc/>
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _keys;

    /// <inheritdoc/>
    public IEnumerable<string> Values => _values;

    /// <inheritdoc/>
    public int Count => _keys.Length;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (ReferenceEquals(_keys[i], key) || string.Equals(_keys[i], key, StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}
