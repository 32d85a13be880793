namespace Plumb.Mining.Readers;

/// <summary>One <c>sys_audit</c> row as the event log needs it: the record it changed, when (UTC ticks), the field, old and new value, and who.</summary>
public sealed record SnowAuditEntry(string DocumentKey, long Time, string Field, string Old, string New, string User);
