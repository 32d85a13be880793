namespace Plumb.Server.Storage;

using System.Data.Common;
using Plumb.Server.History;
using Plumb.Server.Alignment;
using Plumb.Server.Uploads;

public abstract partial class SqlStore : IUploadStore, IResultStore
{
    private const string UploadColumns = "id, source, revision, file_name, format, bytes, records, events, at_ms, uploaded_by";
    private const string ResultColumns = "id, source, kind, process, procedure, handbook_version, revision, at_ms, data_title, data_at_ms, records, events, figures, error";

    public async Task<UploadInfo> AddUploadAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        // A source of its own gets its name from its id, so it is written first under a name no source can have.
        var pending = upload.Source ?? $"upload/pending-{Guid.NewGuid():N}";
        var revision = upload.Source is null ? 1
            : (await ScalarAsync<long?>(connection, transaction, "SELECT MAX(revision) FROM uploads WHERE source = @s", [("@s", upload.Source)], cancellationToken) ?? 0) + 1;
        var id = await ScalarAsync<long>(connection, transaction, """
            INSERT INTO uploads (source, revision, file_name, format, options, content, bytes, records, events, at_ms, uploaded_by)
            VALUES (@s, @r, @f, @fmt, @o, @c, @b, @rec, @e, @t, @u) RETURNING id
            """, [("@s", pending), ("@r", revision), ("@f", upload.FileName), ("@fmt", upload.Format), ("@o", upload.Options), ("@c", upload.Content),
                ("@b", (long)upload.Content.Length), ("@rec", upload.Records), ("@e", upload.Events), ("@t", upload.At.ToUnixTimeMilliseconds()),
                ("@u", upload.UploadedBy)], cancellationToken);
        var source = upload.Source ?? $"upload/{id}";
        if (upload.Source is null) await ExecuteAsync(connection, transaction, "UPDATE uploads SET source = @s WHERE id = @id", [("@s", source), ("@id", id)], cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO audit (at_ms, actor, action, detail) VALUES (@t, @a, 'upload.add', @d)",
            [("@t", upload.At.ToUnixTimeMilliseconds()), ("@a", upload.UploadedBy), ("@d", $"{source} revision {revision}: {upload.FileName}")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UploadInfo(id, source, revision, upload.FileName, upload.Format, upload.Content.Length, upload.Records, upload.Events,
            FromMs(upload.At.ToUnixTimeMilliseconds()), upload.UploadedBy);
    }

    public Task<IReadOnlyList<UploadInfo>> ListUploadSourcesAsync(CancellationToken cancellationToken) => QueryAsync($"""
        SELECT {UploadColumns} FROM uploads u WHERE revision = (SELECT MAX(revision) FROM uploads x WHERE x.source = u.source) ORDER BY id DESC
        """, [], ReadUpload, cancellationToken);

    public async Task<StoredUpload?> GetLatestUploadAsync(string source, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"SELECT {UploadColumns}, options, content FROM uploads WHERE source = @s ORDER BY revision DESC LIMIT 1", [("@s", source)],
            r => new StoredUpload(ReadUpload(r), r.GetString(10), r.GetFieldValue<byte[]>(11)), cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<bool> SaveResultsAsync(IReadOnlyList<NewResult> results, IReadOnlyList<KpiPeriodValue> kpiValues, IReadOnlyList<NewsItem> news,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        try
        {
            // The run first: its key is unique, so of two instances computing the same data and version only the first stores anything.
            foreach (var r in results.OrderBy(r => r.Key.Kind == ResultKinds.Run ? 0 : 1))
            {
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO results (source, kind, process, procedure, handbook_version, revision, at_ms, data_title, data_at_ms, records, events, figures, report, error)
                    VALUES (@s, @k, @p, @q, @v, @r, @t, @dt, @da, @rec, @e, @f, @rep, @err)
                    """, [("@s", r.Key.Source), ("@k", r.Key.Kind), ("@p", r.Key.Process), ("@q", r.Key.Procedure), ("@v", r.Key.HandbookVersion),
                        ("@r", r.Key.Revision), ("@t", r.At.ToUnixTimeMilliseconds()), ("@dt", r.Data.Title), ("@da", r.Data.At.ToUnixTimeMilliseconds()),
                        ("@rec", r.Data.Records), ("@e", r.Data.Events), ("@f", r.Figures), ("@rep", r.Report), ("@err", r.Error)], cancellationToken);
            }
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return false;
        }

        foreach (var v in kpiValues)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO kpi_values (source, process, kpi, period, value, cases, status, handbook_version, revision, at_ms)
                VALUES (@s, @p, @k, @period, @v, @c, @st, @hv, @r, @t)
                ON CONFLICT (source, process, kpi, period) DO UPDATE SET value = excluded.value, cases = excluded.cases, status = excluded.status,
                    handbook_version = excluded.handbook_version, revision = excluded.revision, at_ms = excluded.at_ms
                """, [("@s", v.Source), ("@p", v.Process), ("@k", v.Kpi), ("@period", v.Period), ("@v", v.Value), ("@c", (long)v.Cases), ("@st", v.Status),
                    ("@hv", v.HandbookVersion), ("@r", v.Revision), ("@t", v.At.ToUnixTimeMilliseconds())], cancellationToken);
        }

        foreach (var n in news)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO result_news (at_ms, source, process, kind, subject, title, detail, handbook_version, revision)
                VALUES (@t, @s, @p, @k, @sub, @title, @d, @v, @r)
                """, [("@t", n.At.ToUnixTimeMilliseconds()), ("@s", n.Source), ("@p", n.Process), ("@k", n.Kind), ("@sub", n.Subject), ("@title", n.Title),
                    ("@d", n.Detail), ("@v", n.HandbookVersion), ("@r", n.Revision)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> HasResultAsync(ResultKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync<long>(connection, null, """
            SELECT COUNT(*) FROM results WHERE source = @s AND kind = @k AND process = @p AND procedure = @q AND handbook_version = @v AND revision = @r
            """, [("@s", key.Source), ("@k", key.Kind), ("@p", key.Process), ("@q", key.Procedure), ("@v", key.HandbookVersion), ("@r", key.Revision)],
            cancellationToken) > 0;
    }

    public Task<IReadOnlyList<StoredResult>> ListLatestResultsAsync(CancellationToken cancellationToken) => QueryAsync($"""
        SELECT {ResultColumns} FROM results r
        WHERE id = (SELECT MAX(id) FROM results x WHERE x.source = r.source AND x.kind = r.kind AND x.process = r.process AND x.procedure = r.procedure)
        ORDER BY source, kind, process, procedure
        """, [], ReadResult, cancellationToken);

    public Task<IReadOnlyList<StoredResult>> ListResultsAsync(string process, CancellationToken cancellationToken) => QueryAsync(
        $"SELECT {ResultColumns} FROM results WHERE process = @p OR process = '' ORDER BY id", [("@p", process)], ReadResult, cancellationToken);

    public async Task<StoredResult?> FindResultAsync(long id, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"SELECT {ResultColumns} FROM results WHERE id = @id", [("@id", id)], ReadResult, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<byte[]?> GetResultReportAsync(long id, CancellationToken cancellationToken)
    {
        var list = await QueryAsync("SELECT report FROM results WHERE id = @id", [("@id", id)], r => r.IsDBNull(0) ? null : r.GetFieldValue<byte[]>(0), cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<KpiPeriodValue>> ListKpiValuesAsync(CancellationToken cancellationToken) => QueryAsync("""
        SELECT source, process, kpi, period, value, cases, status, handbook_version, revision, at_ms FROM kpi_values ORDER BY source, process, kpi, period
        """, [], r => new KpiPeriodValue(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetDouble(4),
            (int)r.GetInt64(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7), r.GetInt64(8), FromMs(r.GetInt64(9))), cancellationToken);

    public Task<IReadOnlyList<NewsItem>> ListNewsAsync(int limit, CancellationToken cancellationToken) => QueryAsync("""
        SELECT id, at_ms, source, process, kind, subject, title, detail, handbook_version, revision FROM result_news ORDER BY id DESC LIMIT @l
        """, [("@l", (long)limit)], r => new NewsItem(r.GetInt64(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            r.GetString(6), r.GetString(7), r.GetInt64(8), r.GetInt64(9)), cancellationToken);

    public async Task<long> LatestResultIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync<long?>(connection, null, "SELECT MAX(id) FROM results", [], cancellationToken) ?? 0;
    }

    private static UploadInfo ReadUpload(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetInt64(5),
        r.GetInt64(6), r.GetInt64(7), FromMs(r.GetInt64(8)), r.GetString(9));

    private static StoredResult ReadResult(DbDataReader r)
    {
        var key = new ResultKey(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6));
        var data = new TicketDataInfo(key.Source, r.GetString(8), key.Revision, FromMs(r.GetInt64(9)), r.GetInt64(10), r.GetInt64(11));
        return new StoredResult(r.GetInt64(0), key, FromMs(r.GetInt64(7)), data, r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13));
    }
}
