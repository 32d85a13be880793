namespace Plumb.Server.Tests.Workflow;

using Npgsql;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Storage;

/// <summary>The workflow contract on a real PostgreSQL server (fails without PLUMB_TEST_PG, on purpose).</summary>
public sealed class PostgresWorkflowTests : WorkflowContract
{
    private string? _connectionString;

    protected override string RefuseAuditSql => """
        CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit();
        """;

    protected override string LegacyEditorSchema => """
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

    protected override async Task<IPlumbStore> CreateStoreAsync()
    {
        _connectionString = await PostgresStoreTests.CreateDatabaseAsync();
        return new PostgresStore(_connectionString);
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is null) return;
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresStoreTests.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
