namespace Plumb.Server.Tests.Workflow;

using Microsoft.Data.Sqlite;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class SqliteWorkflowTests : WorkflowContract
{
    private readonly TempDirectory _directory = new();

    protected override string RefuseAuditSql => "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END;";

    protected override string LegacyEditorSchema => """
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

    protected override Task<IPlumbStore> CreateStoreAsync() => Task.FromResult<IPlumbStore>(new SqliteStore(_directory.File("plumb.db")));

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("plumb.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
