namespace Plumb.ServiceNow.Snapshot;

/// <summary>A <c>sys_process_flow</c> row: one stage of the process flow formatter shown on a task form.</summary>
public sealed record ProcessFlowEntry(string SysId, string Name, string Table, string Label, int Order, string Condition, bool Active = true);
