namespace Plumb.ServiceNow.Embed;

/// <summary>
/// One record the embedding adds to the instance: its table, sys_id, fields (name → value, with an optional display value
/// for references) and how the update set labels it.
/// </summary>
public sealed record EmbedRecord(string Table, string SysId, string TypeLabel, string TargetName, string Collection)
{
    /// <summary>The fields, in the order they are written (alphabetical, as ServiceNow writes them).</summary>
    public SortedDictionary<string, EmbedField> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>sys_update_xml</c> name of the record: <c>TABLE_SYSID</c>.</summary>
    public string UpdateName => $"{Table}_{SysId}";

    /// <summary>Sets a field.</summary>
    public EmbedRecord Set(string name, string value, string? display = null, bool markup = false)
    {
        Fields[name] = new EmbedField(value, display, markup);
        return this;
    }
}

/// <summary>A field value; <paramref name="Markup"/> fields (HTML, Jelly) are written as CDATA like ServiceNow does.</summary>
public sealed record EmbedField(string Value, string? Display = null, bool Markup = false);
