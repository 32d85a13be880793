namespace Plumb.ServiceNow.Snapshot;

/// <summary>One record of a ServiceNow table as an export or the Table API gave it: the table, its fields and where it was read.</summary>
public sealed class SnowRecord(string table, string source, int? line = null)
{
    private readonly Dictionary<string, SnowValue> _fields = new(StringComparer.Ordinal);

    /// <summary>The table the record belongs to, e.g. <c>sys_choice</c>.</summary>
    public string Table { get; } = table;

    /// <summary>The file (or page) the record was read from.</summary>
    public string Source { get; } = source;

    /// <summary>The line in <see cref="Source"/> where the record starts, when the format gives one.</summary>
    public int? Line { get; } = line;

    /// <summary>Every field read, by name.</summary>
    public IReadOnlyDictionary<string, SnowValue> Fields => _fields;

    /// <summary>Sets a field.</summary>
    public void Set(string name, SnowValue value) => _fields[name] = value;

    /// <summary>The stored value of a field, or an empty string when absent.</summary>
    public string Get(string name) => _fields.TryGetValue(name, out var v) ? v.Value : "";

    /// <summary>The display value of a field (reference fields show the referenced record's name), else its stored value.</summary>
    public string Shown(string name) => _fields.TryGetValue(name, out var v) ? v.Shown : "";

    /// <summary>True when the field holds <c>true</c> (ServiceNow booleans are the strings true and false).</summary>
    public bool Flag(string name, bool otherwise = false)
    {
        var value = Get(name);
        return value.Length == 0 ? otherwise : value is "true" or "1";
    }

    /// <summary>Where the record was read, as <c>file:line</c> or <c>file</c>.</summary>
    public string Where => Line is { } l ? $"{Source}:{l}" : Source;
}
