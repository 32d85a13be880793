namespace Plumb.Server.Tests.Storage;

using Npgsql;
using Plumb.Server.Storage;

/// <summary>
/// The store contract on a real PostgreSQL server: each test gets its own database in the cluster that ./test.sh starts.
/// Without PLUMB_TEST_PG these tests fail, on purpose: a green run must mean PostgreSQL was tested.
/// </summary>
public sealed class PostgresStoreTests : StoreContract
{
    private string? _database;
    private string? _connectionString;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("PLUMB_TEST_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "PLUMB_TEST_PG is not set, so the PostgreSQL store cannot be tested. Run ./test.sh (it starts a throwaway PostgreSQL), " +
                "or eval \"$(scripts/pg-start.sh)\" before dotnet test.");

    protected override async Task<IPlumbStore> CreateStoreAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        _database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        return new PostgresStore(_connectionString);
    }

    protected override IPlumbStore OpenSecondInstance() => new PostgresStore(_connectionString!);

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "plumb_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
