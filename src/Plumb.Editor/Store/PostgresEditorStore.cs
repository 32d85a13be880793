namespace Plumb.Editor.Store;

using System.Data.Common;
using Npgsql;

/// <summary>The editor's store on a shared PostgreSQL server, so that every server instance sees the same drafts and presence.</summary>
public sealed class PostgresEditorStore(string connectionString) : SqlEditorStore
{
    // Any constant every instance shares (not the server store's own key): it names the lock that serialises creating the tables.
    private const long SchemaLock = 0x506C756D62_45;

    /// <inheritdoc />
    protected override string Schema => """
        CREATE TABLE IF NOT EXISTS editor_versions (
            document TEXT NOT NULL, number INTEGER NOT NULL, content TEXT NOT NULL, author TEXT NOT NULL,
            at TEXT NOT NULL, message TEXT NOT NULL, state TEXT NOT NULL, comment TEXT, reviewed_by TEXT,
            PRIMARY KEY (document, number));
        CREATE TABLE IF NOT EXISTS editor_drafts (
            document TEXT NOT NULL, user_name TEXT NOT NULL, base_number INTEGER NOT NULL, content TEXT NOT NULL,
            at TEXT NOT NULL, PRIMARY KEY (document, user_name));
        CREATE TABLE IF NOT EXISTS editor_feedback (
            id BIGSERIAL PRIMARY KEY, process TEXT NOT NULL, procedure TEXT NOT NULL, step TEXT NOT NULL,
            author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, answer TEXT, answered_by TEXT, finding_id TEXT);
        CREATE TABLE IF NOT EXISTS editor_presence (
            document TEXT NOT NULL, user_name TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (document, user_name));
        """;

    /// <inheritdoc />
    /// <remarks>
    /// Two instances running CREATE TABLE IF NOT EXISTS at once can both pass the check and one then fails on the catalogue's
    /// unique index; the transaction-scoped advisory lock makes the second wait and then find the tables.
    /// </remarks>
    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("k", SchemaLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: "23505" };
}
