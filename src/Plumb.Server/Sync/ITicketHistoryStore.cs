namespace Plumb.Server.Sync;

/// <summary>
/// The store's part for synced ticket history and sync runs (implemented by the SQL stores). Writes of a run go through
/// its lease: a holder that lost the lease (it expired and another instance took it) writes nothing.
/// </summary>
public interface ITicketHistoryStore
{
    /// <summary>
    /// Takes the connection's sync lease for <paramref name="holder"/> and opens a run: the interrupted or failed last run
    /// is resumed, else a new one starts from the last complete run's watermark (its <see cref="SyncRun.Since"/>). Null when
    /// another holder has the lease (a sync is running).
    /// </summary>
    Task<SyncRun?> BeginSyncAsync(long connectionId, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false when <paramref name="holder"/> no longer has it.</summary>
    Task<bool> RenewSyncLeaseAsync(long connectionId, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The connection's strings, by id (ids are dense from 0).</summary>
    Task<IReadOnlyList<string>> LoadStringsAsync(long connectionId, CancellationToken cancellationToken);

    /// <summary>Commits a page in one transaction; returns the records and audit rows it added. Throws <see cref="SyncLeaseLostException"/> without the lease.</summary>
    Task<(long Records, long AuditRows)> WritePageAsync(SyncPage page, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores the configuration a run pulled (a compressed snapshot folder).</summary>
    Task SaveConfigurationAsync(long runId, byte[] configuration, CancellationToken cancellationToken);

    /// <summary>Marks the run complete (it becomes current), drops record versions it supersedes and releases the lease.</summary>
    Task CompleteSyncAsync(SyncRun run, string holder, long records, long auditRows, long events, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the run failed with <paramref name="error"/> and releases the lease; the previous complete run stays current.</summary>
    Task FailSyncAsync(SyncRun run, string holder, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The run of that number, or null.</summary>
    Task<SyncRun?> FindSyncRunAsync(long connectionId, long number, CancellationToken cancellationToken);

    /// <summary>The latest runs of a connection, newest first.</summary>
    Task<IReadOnlyList<SyncRun>> ListSyncRunsAsync(long connectionId, int limit, CancellationToken cancellationToken);

    /// <summary>The connection's latest complete run, or null.</summary>
    Task<SyncRun?> FindCurrentSyncAsync(long connectionId, CancellationToken cancellationToken);

    /// <summary>The history as of run <paramref name="number"/>: every record's latest version from runs up to it and their audit rows.</summary>
    Task<StoredHistory> ReadHistoryAsync(long connectionId, long number, CancellationToken cancellationToken);
}

/// <summary>The sync lease of a connection passed to another holder (this one stalled past its expiry).</summary>
public sealed class SyncLeaseLostException(string message) : Exception(message);
