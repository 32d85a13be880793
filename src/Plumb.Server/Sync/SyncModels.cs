namespace Plumb.Server.Sync;

using System.Text.Json.Serialization;

/// <summary>Where a sync run stands.</summary>
public enum SyncState
{
    /// <summary>Pulling pages (or interrupted while doing so: the next attempt resumes it).</summary>
    Running,

    /// <summary>Every table pulled and the history read back; the connection's current data.</summary>
    Complete,

    /// <summary>Stopped with an error (in <see cref="SyncRun.Error"/>); the next attempt resumes from its last committed page.</summary>
    Failed,
}

/// <summary>
/// One sync of a connection. <see cref="Watermark"/> is, per table (JSON), the latest <c>sys_updated_on</c> (records) or
/// <c>sys_created_on</c> (audit rows) it has seen; <see cref="Since"/> is the previous complete sync's watermark, where its
/// incremental queries start (less a small overlap); null for the first sync, which pulls everything.
/// </summary>
public sealed record SyncRun(long Id, long ConnectionId, long Number, SyncState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string? Since, string? Watermark, long RecordsAdded, long AuditRowsAdded, long Records, long AuditRows, long Events, string? Error,
    [property: JsonIgnore] string Cursor, [property: JsonIgnore] bool HasConfiguration);

/// <summary>
/// A task record as stored: interned strings (ids into the connection's string table), its times as UTC ticks when they
/// have the Table API form, and the other fields the event log reads as (field, value) id pairs in <see cref="Fields"/>.
/// </summary>
public sealed record StoredRecord(long SysId, long Table, long? Updated, long? Created, long? Opened, long? Resolved, long? Closed, byte[] Fields);

/// <summary>
/// A sys_audit row as stored: its sys_id (16 bytes when it is 32 hex digits; not read back, where only the order counts),
/// interned strings and the time in UTC ticks. A struct: a million of them read back are one array, not a million objects.
/// </summary>
public readonly record struct StoredAudit(byte[]? SysId, long Document, long Table, long Field, long Old, long New, long At, long User);

/// <summary>What one committed page adds: new strings (ids from <see cref="FirstStringId"/> on), records, audit rows, and where the run stands after it.</summary>
public sealed record SyncPage(long RunId, long ConnectionId, long Number, string Holder, long FirstStringId, IReadOnlyList<string> Strings,
    IReadOnlyList<StoredRecord> Records, IReadOnlyList<StoredAudit> Audit, string Cursor, string? Watermark);

/// <summary>The stored history of a connection as of one sync: the string table, the latest version of each record, the audit rows.</summary>
public sealed record StoredHistory(IReadOnlyList<string> Strings, IReadOnlyList<StoredRecord> Records, IReadOnlyList<StoredAudit> Audit, byte[]? Configuration);
