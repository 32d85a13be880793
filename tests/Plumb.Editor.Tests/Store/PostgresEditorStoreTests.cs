namespace Plumb.Editor.Tests.Store;

using Npgsql;
using Plumb.Editor.Store;

/// <summary>
/// The editor's store contract on a real PostgreSQL server: every database a test asks for is made in the cluster PLUMB_TEST_PG names
/// and dropped afterwards. Without PLUMB_TEST_PG the tests skip on a developer's machine and fail where tools are required
/// (CI or PLUMB_REQUIRE_TOOLS), so a green run there means PostgreSQL was tested.
/// </summary>
public sealed class PostgresEditorStoreTests : EditorStoreContract
{
    private readonly List<string> _databases = [];

    private static string AdminConnectionString
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PLUMB_TEST_PG") is { Length: > 0 } value) return value;
            const string message = "PLUMB_TEST_PG is not set, so the editor's PostgreSQL store cannot be tested. Run ./test.sh " +
                "(it starts a throwaway PostgreSQL), or eval \"$(scripts/pg-start.sh)\" before dotnet test.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("PLUMB_REQUIRE_TOOLS") is { Length: > 0 })
                Assert.Fail(message);
            Assert.Skip(message);
            return "";
        }
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString;
        var name = "plumb_editor_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    protected override SqlEditorStore Open(string database) => new PostgresEditorStore(database);

    public override async ValueTask DisposeAsync()
    {
        if (_databases.Count == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
