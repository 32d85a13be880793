namespace Plumb.Editor.Store;

using System.Data.Common;
using Microsoft.Data.Sqlite;

/// <summary>The editor's store in a SQLite file (the server's own file, beside its tables).</summary>
public sealed class SqliteEditorStore(string connectionString) : SqlEditorStore
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
            id INTEGER PRIMARY KEY AUTOINCREMENT, process TEXT NOT NULL, procedure TEXT NOT NULL, step TEXT NOT NULL,
            author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, answer TEXT, answered_by TEXT, finding_id TEXT);
        CREATE TABLE IF NOT EXISTS editor_presence (
            document TEXT NOT NULL, user_name TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (document, user_name));
        """;

    /// <inheritdoc />
    protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The transaction already holds SQLite's write lock (BEGIN IMMEDIATE), which keeps every other writer out.</remarks>
    protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: 19 };
}
