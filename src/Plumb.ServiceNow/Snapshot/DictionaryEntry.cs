namespace Plumb.ServiceNow.Snapshot;

/// <summary>A <c>sys_dictionary</c> row: a field (element) a table has, with its label and type.</summary>
public sealed record DictionaryEntry(string Table, string Element, string Label = "", string Type = "", string? Reference = null);
