namespace Plumb.Server.Sync;

using System.IO.Compression;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Server.History;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary>Stored ticket history the event-log reader refused, said in one sentence.</summary>
public sealed class TicketHistoryException(string message) : Exception(message);

/// <summary>A connection's data as of one sync, with the number of audit rows it was built from.</summary>
public sealed record SyncedData(TicketDataInfo Info, EventLog Log, ConfigurationSnapshot? Configuration, long AuditRows);

/// <summary>
/// The ticket data of connections (<c>connection/NAME</c>): each connection's latest complete sync, read back from the
/// store into an <see cref="EventLog"/> by the same code that reads Table API JSON (<see cref="SnowJsonEventLogReader"/>),
/// and its configuration as <see cref="SnapshotFolder.Load"/> reads the pulled folder. The audited changes of the fields the
/// current handbook's steps name (major_incident_state, known_error, approval) become events, as <c>plumb analyze</c> reads them.
/// </summary>
public sealed class SyncedTicketData(IConnectionStore connections, ITicketHistoryStore history, Plumb.Server.Handbooks.HandbookService? handbooks = null)
    : ITicketDataProvider
{
    // The history a sync read back before it became current, per connection id: the results service loads that very run
    // next, and reading a million audit rows back twice was most of an incremental sync's time. Kept with the step fields it
    // was read with: a handbook that names another field reads the history again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (long Number, string Fields, SyncedData Data)> _latest = new();

    /// <summary>The prefix of connection sources.</summary>
    public const string SourcePrefix = "connection/";

    public string Prefix => SourcePrefix;

    /// <summary>How many connections' read-back histories are kept in memory.</summary>
    internal int Kept => _latest.Count;

    public async Task<IReadOnlyList<TicketDataInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<TicketDataInfo>();
        var present = await connections.ListConnectionsAsync(cancellationToken);
        foreach (var connection in present)
        {
            if (await history.FindCurrentSyncAsync(connection.Id, cancellationToken) is { } run) list.Add(Info(connection, run));
        }

        // The history kept of a connection removed since is a whole event log: let it go.
        foreach (var id in _latest.Keys.Except(present.Select(c => c.Id))) _latest.TryRemove(id, out _);
        return list;
    }

    public async Task<TicketData?> LoadAsync(string source, CancellationToken cancellationToken)
    {
        if (!source.StartsWith(SourcePrefix, StringComparison.Ordinal)) return null;
        if (await connections.FindConnectionAsync(source[SourcePrefix.Length..], cancellationToken) is not { } connection) return null;
        if (await history.FindCurrentSyncAsync(connection.Id, cancellationToken) is not { } run) return null;
        var fields = await HandbookStepFields.OfCurrentAsync(handbooks, cancellationToken);
        var data = _latest.TryGetValue(connection.Id, out var kept) && kept.Number == run.Number && kept.Fields == string.Join(",", fields)
            ? kept.Data with { Info = Info(connection, run) with { Records = kept.Data.Info.Records, Events = kept.Data.Log.EventCount } }
            : await BuildAsync(connection, run, cancellationToken);
        return new TicketData(data.Info, data.Log, data.Configuration);
    }

    /// <summary>What a reader is told a connection's figures came from.</summary>
    public static TicketDataInfo Info(SnowConnection connection, SyncRun run) => new(SourcePrefix + connection.Name,
        $"connection {connection.Name} ({new Uri(connection.Instance).Authority}), sync {run.Number}", run.Number, run.FinishedAt ?? run.StartedAt, run.Records, run.Events);

    /// <summary>The connection's history as of <paramref name="run"/> (complete or about to be).</summary>
    public async Task<SyncedData> BuildAsync(SnowConnection connection, SyncRun run, CancellationToken cancellationToken)
    {
        var stored = await history.ReadHistoryAsync(connection.Id, run.Number, cancellationToken);
        var fields = await HandbookStepFields.OfCurrentAsync(handbooks, cancellationToken);
        var codec = new HistoryCodec(stored.Strings);
        var order = PullPlan.TaskTables.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

        // In the order a pull reads them (task table by task table, by sys_id), so cases come out as from the pulled pages.
        var records = stored.Records
            .Select(r => (Table: codec.Text(r.Table), Record: r))
            .OrderBy(r => order.GetValueOrDefault(r.Table, int.MaxValue)).ThenBy(r => codec.Text(r.Record.SysId), StringComparer.Ordinal)
            .ToList();
        var audit = stored.Audit.Select(codec.Decode);

        var folder = Directory.CreateTempSubdirectory("plumb-sync-config-").FullName;
        try
        {
            ConfigurationSnapshot? configuration = null;
            var groups = new List<Stream>();
            if (stored.Configuration is { } zip)
            {
                using (var buffer = new MemoryStream(zip)) ZipFile.ExtractToDirectory(buffer, folder);
                var load = SnapshotFolder.Load(folder);
                configuration = load.Snapshot;
                foreach (var table in PullPlan.TaskTables) configuration?.TicketCounts[table] = records.Count(r => r.Table == table);
                configuration?.TicketCounts["sys_audit"] = stored.Audit.Count;
                // The groups pulled with the configuration name the assignment-group sys_ids, as --groups does for the CLI.
                if (SnapshotManifest.Read(folder)?.Find("sys_user_group") is { } pulled)
                {
                    groups.AddRange(pulled.Pages.Select(p => (Stream)File.OpenRead(Path.Combine(folder, p.File))));
                }
            }

            LogReadResult result;
            try
            {
                result = SnowJsonEventLogReader.Read(records.Select(r => codec.Decode(r.Record)), audit, directories: groups, stepFields: fields);
            }
            finally
            {
                foreach (var stream in groups) stream.Dispose();
            }

            if (result.Error is { } error) throw new TicketHistoryException($"sync {run.Number} of '{connection.Name}': {error.Format("the synced history")}");
            var info = Info(connection, run) with { Records = records.Count, Events = result.Log!.EventCount };
            var data = new SyncedData(info, result.Log!, configuration, stored.Audit.Count);
            _latest[connection.Id] = (run.Number, string.Join(",", fields), data);
            return data;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
