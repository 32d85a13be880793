namespace Plumb.ServiceNow.Snapshot;

/// <summary>A <c>sys_user_group</c> row: an assignment group of the instance.</summary>
public sealed record GroupEntry(string SysId, string Name, bool Active = true, string? Description = null);
