namespace Plumb.Server.Sync;

using System.IO.Compression;
using System.Text.Json;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary>
/// Pulls one sync run: the configuration whole (with <see cref="SnapshotPuller"/>, as <c>plumb snow pull</c> does), then the
/// task tables and sys_audit incrementally with keyset paging — <c>sys_updated_on</c> (records) or <c>sys_created_on</c>
/// (audit rows) from the run's start, ordered by that time and sys_id, each page continuing after the last (time, sys_id)
/// seen — so rows changed while the sync runs move behind the cursor and are read, never skipped. Every page is committed
/// with the cursor, so a sync that dies resumes at the page after the last committed one.
/// </summary>
internal sealed class ConnectionPull(TableApiClient client, ITicketHistoryStore store, SyncRun run, string holder, SyncOptions options, TimeProvider time,
    ILogger logger, string connection)
{
    private static readonly IReadOnlyList<string> AuditFields = PullPlan.Create(null, 1).Single(q => q.Table == "sys_audit").Fields;

    /// <summary>Where each table stands, as kept in <see cref="SyncRun.Cursor"/>.</summary>
    public sealed record TableCursor(string? Time, string? SysId, bool Done, int Pages);

    public long RecordsAdded { get; private set; }

    public long AuditRowsAdded { get; private set; }

    public long Requests { get; private set; }

    public async Task RunAsync(string scratch, CancellationToken cancellationToken)
    {
        if (!run.HasConfiguration)
        {
            var configuration = await PullConfigurationAsync(Path.Combine(scratch, "configuration"), cancellationToken);
            await store.SaveConfigurationAsync(run.Id, configuration, cancellationToken);
        }

        var cursors = JsonSerializer.Deserialize<Dictionary<string, TableCursor>>(run.Cursor) ?? [];
        var codec = new HistoryCodec(await store.LoadStringsAsync(run.ConnectionId, cancellationToken));
        var since = run.Since is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(run.Since) ?? [];
        var watermark = run.Watermark is null ? new Dictionary<string, string>(since) : JsonSerializer.Deserialize<Dictionary<string, string>>(run.Watermark) ?? [];
        foreach (var table in PullPlan.TaskTables.Append("sys_audit"))
        {
            var cursor = cursors.GetValueOrDefault(table) ?? new TableCursor(null, null, false, 0);
            var audit = table == "sys_audit";
            var timeField = audit ? "sys_created_on" : "sys_updated_on";
            while (!cursor.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var query = new TableQuery(table, Keyset(table, timeField, since.GetValueOrDefault(table), cursor), audit ? AuditFields : HistoryCodec.RecordFields, options.PageSize);
                var file = Path.Combine(scratch, "page.json");
                var what = $"{table} page {cursor.Pages + 1}";
                Requests++;
                var page = await client.DownloadPageAsync(new Uri(client.Instance, query.PathAndQuery(0)), file, what, cancellationToken);
                var errors = new List<SnapshotError>();
                IReadOnlyList<SnowRecord> rows;
                await using (var stream = File.OpenRead(file)) rows = TableApiJsonReader.Read(stream, what, table, errors);
                if (errors.Find(e => !e.IsWarning) is { } error) throw new SnowException($"{what}: {error.Message}");

                var records = new List<StoredRecord>();
                var audits = new List<StoredAudit>();
                foreach (var row in rows)
                {
                    if (audit)
                    {
                        audits.Add(codec.Encode(row, out var problem) ?? throw new SnowException($"{what}: audit row {row.Get("sys_id")}: {problem}"));
                    }
                    else
                    {
                        records.Add(codec.Encode(row, table));
                    }

                    var stamp = row.Get(timeField);
                    // Per table: a row changed after its table was pulled is stamped later than anything seen in that table.
                    if (HistoryCodec.TryTicks(stamp, out _) && string.CompareOrdinal(stamp, watermark.GetValueOrDefault(table)) > 0) watermark[table] = stamp;
                }

                var last = rows.Count > 0 ? rows[^1] : null;
                cursor = new TableCursor(last?.Get(timeField) ?? cursor.Time, last?.Get("sys_id") ?? cursor.SysId,
                    rows.Count < options.PageSize, cursor.Pages + 1);
                cursors[table] = cursor;
                var added = await store.WritePageAsync(new SyncPage(run.Id, run.ConnectionId, run.Number, holder, codec.FirstNew, [.. codec.Added], records, audits,
                    JsonSerializer.Serialize(cursors), JsonSerializer.Serialize(watermark)), time.GetUtcNow(), options.Lease, cancellationToken);
                codec.Committed();
                RecordsAdded += added.Records;
                AuditRowsAdded += added.AuditRows;
                logger.LogInformation("sync {Connection} #{Number}: {Table} page {Page}, {Rows} row(s){Done}", connection, run.Number, table, cursor.Pages, rows.Count,
                    cursor.Done ? ", done" : "");
            }
        }
    }

    // The first page starts at the run's start (everything on a first sync); later pages continue after the last (time, sys_id).
    private string Keyset(string table, string timeField, string? since, TableCursor cursor)
    {
        var filter = table == "sys_audit" ? $"tablenameIN{string.Join(",", PullPlan.TaskTables)}^" : "";
        var order = $"ORDERBY{timeField}^ORDERBYsys_id";
        if (cursor.Time is { } after && cursor.SysId is { } id)
        {
            return $"{filter}{timeField}>{after}^NQ{filter}{timeField}={after}^sys_id>{id}^{order}";
        }

        if (since is null || !HistoryCodec.TryTicks(since, out var ticks)) return filter + order;
        return $"{filter}{timeField}>={HistoryCodec.Stamp(ticks - options.Overlap.Ticks)}^{order}";
    }

    // The configuration tables into a folder, as plumb snow pull writes them, then zipped: the stored form of the configuration.
    private async Task<byte[]> PullConfigurationAsync(string folder, CancellationToken cancellationToken)
    {
        var plan = PullPlan.Create(null, options.PageSize, history: false);
        Requests += plan.Count;
        var puller = new SnapshotPuller(client, folder, time) { Progress = line => logger.LogInformation("sync {Connection} #{Number}: {Progress}", connection, run.Number, line) };
        await puller.RunAsync(plan, null, cancellationToken);
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer, CompressionLevel.Optimal, includeBaseDirectory: false);
        return buffer.ToArray();
    }
}
