namespace Plumb.Server.Tests.Sync;

using Npgsql;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Storage;

/// <summary>The sync contract on a real PostgreSQL server (fails without PLUMB_TEST_PG, as the store contract does).</summary>
public sealed class PostgresSyncTests : SyncContract
{
    private string? _connectionString;

    protected override async Task<IPlumbStore> CreateStoreAsync()
    {
        _connectionString = await PostgresStoreTests.CreateDatabaseAsync();
        return new PostgresStore(_connectionString);
    }

    protected override IPlumbStore OpenSecondInstance() => new PostgresStore(_connectionString!);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresStoreTests.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(_connectionString).Database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
