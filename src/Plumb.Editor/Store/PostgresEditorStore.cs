namespace Plumb.Editor.Store;

using System.Data.Common;
using Npgsql;

/// <summary>The editor's store on a shared PostgreSQL server, so that every server instance sees the same drafts and presence.</summary>
public sealed class PostgresEditorStore(string connectionString) : SqlEditorStore
{
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
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: "23505" };
}
