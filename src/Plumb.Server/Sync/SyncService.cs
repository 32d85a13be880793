namespace Plumb.Server.Sync;

using System.Collections.Concurrent;
using Plumb.Server.History;
using Plumb.ServiceNow.TableApi;

/// <summary>What asking for a sync gave.</summary>
public enum SyncStartOutcome
{
    /// <summary>The sync runs (in the background, for <see cref="SyncService.StartAsync"/>).</summary>
    Started,

    /// <summary>There is no connection of that name.</summary>
    NotFound,

    /// <summary>A sync of the connection is running already (here or on another instance sharing the store).</summary>
    Busy,
}

/// <summary>
/// Syncs ServiceNow connections: on demand (<see cref="StartAsync"/>, <see cref="RunAsync"/>) and, as a hosted service,
/// every connection whose <see cref="SnowConnection.ScheduleMinutes"/> have passed since its last sync began. A run holds
/// the connection's lease in the store, so two syncs of one connection never run at once, across instances too; after a
/// complete sync the results service is told (<see cref="TicketDataSignal"/>).
/// </summary>
public sealed class SyncService(IConnectionStore connections, ConnectionService secrets, ITicketHistoryStore history, SyncedTicketData data,
    TicketDataSignal signal, SyncOptions options, TimeProvider time, ILogger<SyncService> logger) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    // Not disposed: the host may stop the service after disposing it, and a token source without a timer holds nothing.
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Opens a run of the connection and pulls it in the background; the run is returned at once.</summary>
    public async Task<(SyncStartOutcome Outcome, SyncRun? Run)> StartAsync(string name, CancellationToken cancellationToken)
    {
        var (outcome, connection, run) = await BeginAsync(name, cancellationToken);
        if (outcome != SyncStartOutcome.Started) return (outcome, null);
        var task = Task.Run(() => PullAsync(connection!, run!, _stopping.Token), CancellationToken.None);
        _running[name] = task;
        _ = task.ContinueWith(t => _running.TryRemove(new KeyValuePair<string, Task>(name, t)), TaskScheduler.Default);
        return (outcome, run);
    }

    /// <summary>Runs a sync of the connection to its end (for the CLI); the run as it finished.</summary>
    public async Task<(SyncStartOutcome Outcome, SyncRun? Run)> RunAsync(string name, CancellationToken cancellationToken)
    {
        var (outcome, connection, run) = await BeginAsync(name, cancellationToken);
        if (outcome != SyncStartOutcome.Started) return (outcome, null);
        return (outcome, await PullAsync(connection!, run!, cancellationToken));
    }

    /// <summary>Waits for the syncs this service started in the background (for tests and shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    /// <summary>The latest runs of a connection, newest first; null when there is no such connection.</summary>
    public async Task<IReadOnlyList<SyncRun>?> ListRunsAsync(string name, int limit, CancellationToken cancellationToken) =>
        await connections.FindConnectionAsync(name, cancellationToken) is { } connection
            ? await history.ListSyncRunsAsync(connection.Id, limit, cancellationToken)
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Scheduled) return;
        using var timer = new PeriodicTimer(options.Tick, time);
        do
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "sync schedule: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        // The running syncs record themselves as interrupted; wait for that, as long as the host lets us.
        await ((Task)Task.WhenAny(WhenIdleAsync(), Task.Delay(Timeout.Infinite, cancellationToken))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // Due: never synced, or the schedule has passed since the last run began (or failed); a run left running by a stopped instance resumes once its lease expires.
    private async Task StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var connection in await connections.ListConnectionsAsync(cancellationToken))
        {
            if (connection.ScheduleMinutes <= 0 || (_running.TryGetValue(connection.Name, out var running) && !running.IsCompleted)) continue;
            var last = (await history.ListSyncRunsAsync(connection.Id, 1, cancellationToken)).FirstOrDefault();
            // A failed run waits a whole interval from its failure (bad credentials are not tried every minute).
            var since = last?.State == SyncState.Failed ? last.FinishedAt ?? last.StartedAt : last?.StartedAt;
            var due = last is null || last.State == SyncState.Running || now - since >= TimeSpan.FromMinutes(connection.ScheduleMinutes);
            if (!due) continue;
            var (outcome, run) = await StartAsync(connection.Name, cancellationToken);
            if (outcome == SyncStartOutcome.Started) logger.LogInformation("sync {Connection} #{Number}: started by the schedule", connection.Name, run!.Number);
        }
    }

    private async Task<(SyncStartOutcome, SnowConnection?, SyncRun?)> BeginAsync(string name, CancellationToken cancellationToken)
    {
        if (await connections.FindConnectionAsync(name, cancellationToken) is not { } connection) return (SyncStartOutcome.NotFound, null, null);
        var run = await history.BeginSyncAsync(connection.Id, _holder, time.GetUtcNow(), options.Lease, cancellationToken);
        return run is null ? (SyncStartOutcome.Busy, connection, null) : (SyncStartOutcome.Started, connection, run);
    }

    // Pulls the run to its end; every failure is recorded in the run (and logged), never thrown, so the previous sync stays current.
    private async Task<SyncRun> PullAsync(SnowConnection connection, SyncRun run, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("plumb-sync-").FullName;
        var started = time.GetTimestamp();
        logger.LogInformation("sync {Connection} #{Number}: {How} {Instance}", connection.Name, run.Number,
            run.Cursor != "{}" || run.HasConfiguration ? "resuming from its last committed page on" : run.Since is null ? "full pull of" : "incremental pull of",
            connection.Instance);
        try
        {
            var (instance, credentials) = await secrets.OpenAsync(connection.Name, cancellationToken)
                ?? throw new ConnectionException($"connection '{connection.Name}' was removed");
            using var http = options.Http();
            var client = new TableApiClient(instance, credentials, http, options.Retry, time);
            var pull = new ConnectionPull(client, history, run, _holder, options, time, logger, connection.Name);
            await pull.RunAsync(scratch, cancellationToken);

            // Read back whole before it becomes current: data the event-log reader refuses never replaces good data.
            var loaded = await data.BuildAsync(connection, run with { State = SyncState.Complete }, cancellationToken);
            var log = loaded.Log;
            await history.CompleteSyncAsync(run, _holder, loaded.Info.Records, loaded.AuditRows, log.EventCount, time.GetUtcNow(), CancellationToken.None);
            var done = (await history.FindSyncRunAsync(connection.Id, run.Number, CancellationToken.None))!;
            logger.LogInformation("sync {Connection} #{Number}: complete in {Seconds:0.0} s; {Records} record(s) and {Audit} audit row(s) added, {Cases} cases, {Events} events",
                connection.Name, run.Number, time.GetElapsedTime(started).TotalSeconds, done.RecordsAdded, done.AuditRowsAdded, log.CaseCount, log.EventCount);
            signal.Changed(SyncedTicketData.Info(connection, done));
            return done;
        }
        catch (Exception e)
        {
            // Instance and data problems are one line (secrets already removed); anything else is a fault of ours, logged whole.
            var expected = e is SnowException or ConnectionException or SyncLeaseLostException or TicketHistoryException or OperationCanceledException;
            var reason = e is OperationCanceledException ? "interrupted (the server stopped or the sync was cancelled); the next sync resumes it" : e.Message;
            if (expected) logger.LogWarning("sync {Connection} #{Number}: failed: {Reason}", connection.Name, run.Number, reason);
            else logger.LogError(e, "sync {Connection} #{Number}: failed: {Reason}", connection.Name, run.Number, reason);
            if (e is not SyncLeaseLostException)
            {
                await history.FailSyncAsync(run, _holder, reason, time.GetUtcNow(), CancellationToken.None);
            }

            return (await history.FindSyncRunAsync(connection.Id, run.Number, CancellationToken.None))!;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
