namespace Plumb.Server.Storage;

using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// The store written once in SQL both databases understand; the subclasses open connections, begin write
/// transactions, lock migrations and recognise unique-key violations in their own way.
/// </summary>
public abstract partial class SqlStore : IPlumbStore
{
    public abstract string Description { get; }

    /// <summary>The schema, one script per migration, in order; never edit a released one, add a new one.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that writes; on SQLite it takes the write lock at once so saves queue instead of failing.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises migrations between instances starting at the same time.</summary>
    protected abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract bool IsUniqueViolation(DbException exception);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockMigrationsAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)", [], cancellationToken);
        var applied = await ScalarAsync<long?>(connection, transaction, "SELECT MAX(version) FROM schema_migrations", [], cancellationToken) ?? 0;
        for (var index = (int)applied; index < Migrations.Count; index++)
        {
            await ExecuteAsync(connection, transaction, Migrations[index], [], cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version) VALUES (@v)", [("@v", index + 1L)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<VersionInfo?> GetHeadAsync(CancellationToken cancellationToken)
    {
        var list = await QueryAsync("SELECT number, author, at_ms, message FROM versions ORDER BY number DESC LIMIT 1", [], ReadVersion, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<VersionInfo?> GetVersionAsync(long number, CancellationToken cancellationToken)
    {
        var list = await QueryAsync("SELECT number, author, at_ms, message FROM versions WHERE number = @n", [("@n", number)], ReadVersion, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("SELECT number, author, at_ms, message FROM versions ORDER BY number DESC LIMIT @limit", [("@limit", (long)limit)],
            ReadVersion, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> GetDocumentsAsync(long number, CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT d.path, b.content, d.changed_in FROM version_documents d JOIN blobs b ON b.hash = d.hash
            WHERE d.version = @n ORDER BY d.path
            """, [("@n", number)], r => new StoredDocument(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    public async Task<SaveOutcome> SaveVersionAsync(NewVersion version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var head = await ScalarAsync<long?>(connection, transaction, "SELECT MAX(number) FROM versions", [], cancellationToken) ?? 0;
        if (head != version.BaseVersion) return new SaveOutcome(null, head);

        var previous = new Dictionary<string, (string Hash, long ChangedIn)>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, "SELECT path, hash, changed_in FROM version_documents WHERE version = @n", [("@n", head)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) previous[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2));
        }

        var number = head + 1;
        try
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO versions (number, author, at_ms, message) VALUES (@n, @a, @t, @m)",
                [("@n", number), ("@a", version.Author), ("@t", version.At.ToUnixTimeMilliseconds()), ("@m", version.Message)], cancellationToken);
            var changed = new List<string>();
            foreach (var (path, content) in version.Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var hash = Hash(content);
                await ExecuteAsync(connection, transaction, "INSERT INTO blobs (hash, content) VALUES (@h, @c) ON CONFLICT (hash) DO NOTHING",
                    [("@h", hash), ("@c", content)], cancellationToken);
                var same = previous.TryGetValue(path, out var before) && before.Hash == hash;
                if (!same) changed.Add(path);
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO version_documents (version, path, hash, changed_in) VALUES (@v, @p, @h, @c)",
                    [("@v", number), ("@p", path), ("@h", hash), ("@c", same ? before.ChangedIn : number)], cancellationToken);
            }

            changed.AddRange(previous.Keys.Where(p => !version.Documents.ContainsKey(p)));
            if (version.Approves is { } proposal && !await ApproveInAsync(connection, transaction, proposal, number, version, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return new SaveOutcome(null, head, ProposalMoved: true);
            }

            await MarkStaleAsync(connection, transaction, changed, version.Approves, version.At, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO audit (at_ms, actor, action, detail) VALUES (@t, @a, @c, @d)",
                [("@t", version.At.ToUnixTimeMilliseconds()), ("@a", version.Author), ("@c", version.AuditAction),
                    ("@d", $"version {number}: {version.Message}")], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // Another instance saved the same version number first; the caller sees a conflict, nothing of ours is kept.
            return new SaveOutcome(null, number);
        }

        return new SaveOutcome(new VersionInfo(number, version.Author, FromMs(version.At.ToUnixTimeMilliseconds()), version.Message), number);
    }

    internal static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    protected static DateTimeOffset FromMs(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static VersionInfo ReadVersion(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), FromMs(r.GetInt64(2)), r.GetString(3));
}
