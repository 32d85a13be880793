namespace Plumb.Server.Storage;

using System.Data.Common;
using System.Text;
using Plumb.Server.Sync;

public abstract partial class SqlStore : ITicketHistoryStore
{
    private const string RunColumns = "id, connection_id, number, state, started_ms, finished_ms, since, watermark, records_added, audit_added, " +
        "records, audit_rows, events, error, cursor, CASE WHEN configuration IS NULL THEN 0 ELSE 1 END";

    public async Task<SyncRun?> BeginSyncAsync(long connectionId, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (!await TakeLeaseAsync(connection, transaction, connectionId, holder, now, lease, cancellationToken)) return null;
        var last = await ReadRunsAsync(connection, transaction, $"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c ORDER BY number DESC LIMIT 1",
            [("@c", connectionId)], cancellationToken);
        SyncRun run;
        if (last is [{ State: SyncState.Running or SyncState.Failed } unfinished])
        {
            // Resumed from its cursor: what it committed stays, the rest is pulled.
            await ExecuteAsync(connection, transaction, "UPDATE sync_runs SET state = 'running', error = NULL WHERE id = @id", [("@id", unfinished.Id)],
                cancellationToken);
            run = unfinished with { State = SyncState.Running, Error = null };
        }
        else
        {
            var since = last is [{ Watermark: { } watermark }] ? watermark : null;
            var number = last is [var previous] ? previous.Number + 1 : 1;
            await ExecuteAsync(connection, transaction, """
                INSERT INTO sync_runs (connection_id, number, state, started_ms, since, records_added, audit_added, records, audit_rows, events, cursor)
                VALUES (@c, @n, 'running', @t, @s, 0, 0, 0, 0, 0, '{}')
                """, [("@c", connectionId), ("@n", number), ("@t", now.ToUnixTimeMilliseconds()), ("@s", since)], cancellationToken);
            run = (await ReadRunsAsync(connection, transaction, $"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c AND number = @n",
                [("@c", connectionId), ("@n", number)], cancellationToken))[0];
        }

        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<bool> RenewSyncLeaseAsync(long connectionId, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await RenewAsync(connection, null, connectionId, holder, now, lease, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LoadStringsAsync(long connectionId, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT id, value FROM snow_strings WHERE connection_id = @c ORDER BY id", [("@c", connectionId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetInt64(0) != strings.Count) throw new InvalidOperationException($"the string table of connection {connectionId} has a gap at {strings.Count}");
            strings.Add(reader.GetString(1));
        }

        return strings;
    }

    public async Task<(long Records, long AuditRows)> WritePageAsync(SyncPage page, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (!await RenewAsync(connection, transaction, page.ConnectionId, page.Holder, now, lease, cancellationToken))
        {
            throw new SyncLeaseLostException($"sync {page.Number} lost its lease to another instance; nothing of this page was stored");
        }

        await InsertManyAsync(connection, transaction, "INSERT INTO snow_strings (connection_id, id, value) VALUES ", "", 3,
            page.Strings.Select((s, i) => new object?[] { page.ConnectionId, page.FirstStringId + i, s }).ToList(), cancellationToken);
        var records = await InsertManyAsync(connection, transaction,
            "INSERT INTO snow_records (connection_id, sys_id, sync_number, tbl, updated, created, opened, resolved, closed, fields) VALUES ",
            " ON CONFLICT (connection_id, sys_id, sync_number) DO UPDATE SET tbl = excluded.tbl, updated = excluded.updated, created = excluded.created, " +
            "opened = excluded.opened, resolved = excluded.resolved, closed = excluded.closed, fields = excluded.fields", 10,
            page.Records.Select(r => new object?[] { page.ConnectionId, r.SysId, page.Number, r.Table, r.Updated, r.Created, r.Opened, r.Resolved, r.Closed, r.Fields }).ToList(),
            cancellationToken);
        // A resumed page or the overlap with the previous sync brings rows already stored: they are skipped by sys_id.
        var audit = await InsertManyAsync(connection, transaction,
            "INSERT INTO snow_audit (connection_id, sys_id, sync_number, document, tbl, field, old_value, new_value, at, user_id) VALUES ",
            " ON CONFLICT (connection_id, sys_id) DO NOTHING", 10,
            page.Audit.Select(a => new object?[] { page.ConnectionId, a.SysId, page.Number, a.Document, a.Table, a.Field, a.Old, a.New, a.At, a.User }).ToList(),
            cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE sync_runs SET cursor = @k, watermark = COALESCE(@w, watermark), records_added = records_added + @r, audit_added = audit_added + @a
            WHERE id = @id
            """, [("@k", page.Cursor), ("@w", page.Watermark), ("@r", (long)records), ("@a", (long)audit), ("@id", page.RunId)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (records, audit);
    }

    public async Task SaveConfigurationAsync(long runId, byte[] configuration, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE sync_runs SET configuration = @b WHERE id = @id", [("@b", configuration), ("@id", runId)], cancellationToken);

    public async Task CompleteSyncAsync(SyncRun run, string holder, long records, long auditRows, long events, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (!await RenewAsync(connection, transaction, run.ConnectionId, holder, now, TimeSpan.FromMinutes(1), cancellationToken))
        {
            throw new SyncLeaseLostException($"sync {run.Number} lost its lease to another instance before it completed");
        }

        await ExecuteAsync(connection, transaction, """
            UPDATE sync_runs SET state = 'complete', finished_ms = @t, records = @r, audit_rows = @a, events = @e, error = NULL WHERE id = @id
            """, [("@t", now.ToUnixTimeMilliseconds()), ("@r", records), ("@a", auditRows), ("@e", events), ("@id", run.Id)], cancellationToken);
        // Versions of a record that this sync replaced are of no use once it is current.
        await ExecuteAsync(connection, transaction, """
            DELETE FROM snow_records WHERE connection_id = @c AND sync_number < @n AND EXISTS (SELECT 1 FROM snow_records later
                WHERE later.connection_id = snow_records.connection_id AND later.sys_id = snow_records.sys_id
                AND later.sync_number > snow_records.sync_number AND later.sync_number <= @n)
            """, [("@c", run.ConnectionId), ("@n", run.Number)], cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE sync_runs SET configuration = NULL WHERE connection_id = @c AND number < @n AND state = 'complete'",
            [("@c", run.ConnectionId), ("@n", run.Number)], cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM sync_leases WHERE connection_id = @c AND holder = @h",
            [("@c", run.ConnectionId), ("@h", holder)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FailSyncAsync(SyncRun run, string holder, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE sync_runs SET state = 'failed', finished_ms = @t, error = @e WHERE id = @id AND state = 'running'",
            [("@t", now.ToUnixTimeMilliseconds()), ("@e", error), ("@id", run.Id)], cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM sync_leases WHERE connection_id = @c AND holder = @h",
            [("@c", run.ConnectionId), ("@h", holder)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<SyncRun?> FindSyncRunAsync(long connectionId, long number, CancellationToken cancellationToken)
    {
        var runs = await QueryAsync($"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c AND number = @n", [("@c", connectionId), ("@n", number)],
            ReadRun, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public Task<IReadOnlyList<SyncRun>> ListSyncRunsAsync(long connectionId, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c ORDER BY number DESC LIMIT @l", [("@c", connectionId), ("@l", (long)limit)],
            ReadRun, cancellationToken);

    public async Task<SyncRun?> FindCurrentSyncAsync(long connectionId, CancellationToken cancellationToken)
    {
        var runs = await QueryAsync($"SELECT {RunColumns} FROM sync_runs WHERE connection_id = @c AND state = 'complete' ORDER BY number DESC LIMIT 1",
            [("@c", connectionId)], ReadRun, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public async Task<StoredHistory> ReadHistoryAsync(long connectionId, long number, CancellationToken cancellationToken)
    {
        var strings = await LoadStringsAsync(connectionId, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var records = new List<StoredRecord>();
        await using (var command = Command(connection, null, """
            SELECT sys_id, tbl, updated, created, opened, resolved, closed, fields FROM snow_records
            WHERE connection_id = @c AND sync_number <= @n ORDER BY sys_id, sync_number
            """, [("@c", connectionId), ("@n", number)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            static long? Ticks(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = new StoredRecord(reader.GetInt64(0), reader.GetInt64(1), Ticks(reader, 2), Ticks(reader, 3), Ticks(reader, 4), Ticks(reader, 5),
                    Ticks(reader, 6), (byte[])reader.GetValue(7));
                // Ordered by version: the last of a sys_id is its latest as of the run.
                if (records.Count > 0 && records[^1].SysId == record.SysId) records[^1] = record;
                else records.Add(record);
            }
        }

        var audit = new List<StoredAudit>();
        await using (var command = Command(connection, null, """
            SELECT document, tbl, field, old_value, new_value, at, user_id FROM snow_audit
            WHERE connection_id = @c AND sync_number <= @n ORDER BY sys_id
            """, [("@c", connectionId), ("@n", number)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                audit.Add(new StoredAudit(null, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6)));
            }
        }

        var configuration = await ScalarAsync<byte[]>(connection, null, "SELECT configuration FROM sync_runs WHERE connection_id = @c AND number = @n",
            [("@c", connectionId), ("@n", number)], cancellationToken);
        return new StoredHistory(strings, records, audit, configuration);
    }

    // The history of a connection goes with it.
    private static async Task DeleteHistoryAsync(DbConnection connection, DbTransaction transaction, long connectionId, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "snow_audit", "snow_records", "snow_strings", "sync_runs", "sync_leases" })
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE connection_id = @c", [("@c", connectionId)], cancellationToken);
        }
    }

    private static async Task<bool> TakeLeaseAsync(DbConnection connection, DbTransaction transaction, long connectionId, string holder, DateTimeOffset now,
        TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, """
            INSERT INTO sync_leases (connection_id, holder, expires_ms) VALUES (@c, @h, @e)
            ON CONFLICT (connection_id) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
            WHERE sync_leases.expires_ms < @now
            """, [("@c", connectionId), ("@h", holder), ("@e", (now + lease).ToUnixTimeMilliseconds()), ("@now", now.ToUnixTimeMilliseconds())],
            cancellationToken) > 0;

    private static async Task<bool> RenewAsync(DbConnection connection, DbTransaction? transaction, long connectionId, string holder, DateTimeOffset now,
        TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, "UPDATE sync_leases SET expires_ms = @e WHERE connection_id = @c AND holder = @h",
            [("@c", connectionId), ("@h", holder), ("@e", (now + lease).ToUnixTimeMilliseconds())], cancellationToken) > 0;

    /// <summary>
    /// Rows per INSERT statement when storing history: PostgreSQL gains from few round trips; SQLite binds parameters by
    /// name in time growing with their number, so there one prepared single-row statement, reused, is fastest.
    /// </summary>
    protected virtual int RowsPerInsert => 200;

    // INSERTs of RowsPerInsert rows each, every statement prepared once and run again with new values; returns the rows written.
    private async Task<int> InsertManyAsync(DbConnection connection, DbTransaction transaction, string head, string tail, int columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        var start = 0;
        while (start < rows.Count)
        {
            var batch = Math.Min(RowsPerInsert, rows.Count - start);
            var sql = new StringBuilder(head);
            var parameters = new List<(string, object?)>(batch * columns);
            for (var i = 0; i < batch; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < columns; c++)
                {
                    var name = $"@p{i}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    parameters.Add((name, rows[start + i][c]));
                }

                sql.Append(')');
            }

            sql.Append(tail);
            await using var command = Command(connection, transaction, sql.ToString(), parameters);
            await command.PrepareAsync(cancellationToken);
            written += await command.ExecuteNonQueryAsync(cancellationToken);
            start += batch;
            while (rows.Count - start >= batch)
            {
                for (var i = 0; i < batch; i++)
                {
                    for (var c = 0; c < columns; c++) command.Parameters[(i * columns) + c].Value = rows[start + i][c] ?? DBNull.Value;
                }

                written += await command.ExecuteNonQueryAsync(cancellationToken);
                start += batch;
            }
        }

        return written;
    }

    private static async Task<IReadOnlyList<SyncRun>> ReadRunsAsync(DbConnection connection, DbTransaction transaction, string sql,
        IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SyncRun>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(ReadRun(reader));
        return list;
    }

    private static SyncRun ReadRun(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2),
        r.GetString(3) switch { "complete" => SyncState.Complete, "failed" => SyncState.Failed, _ => SyncState.Running },
        FromMs(r.GetInt64(4)), r.IsDBNull(5) ? null : FromMs(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.IsDBNull(13) ? null : r.GetString(13), r.GetString(14),
        Convert.ToInt64(r.GetValue(15), System.Globalization.CultureInfo.InvariantCulture) == 1);
}
