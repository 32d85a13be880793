namespace Plumb.ServiceNow.Snapshot;

/// <summary>A <c>sys_choice</c> row: one value a choice field (state, category) of a table may take.</summary>
public sealed record ChoiceEntry(string Table, string Element, string Value, string Label, bool Inactive = false, string Language = "en", double Sequence = 0);
