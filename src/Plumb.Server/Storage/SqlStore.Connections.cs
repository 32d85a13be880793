namespace Plumb.Server.Storage;

using System.Data.Common;
using Plumb.Server.Sync;

public abstract partial class SqlStore : IConnectionStore
{
    private const string ConnectionColumns = "id, name, instance_url, auth, user_name, client_id, secret, schedule_minutes, created_ms, created_by";

    public async Task<SnowConnection?> AddConnectionAsync(SnowConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("""
                INSERT INTO snow_connections (name, instance_url, auth, user_name, client_id, secret, schedule_minutes, created_ms, created_by)
                VALUES (@n, @i, @a, @u, @c, @s, @m, @t, @b)
                """, [("@n", connection.Name), ("@i", connection.Instance), ("@a", connection.Auth == ConnectionAuth.OAuth ? "oauth" : "basic"),
                    ("@u", connection.User), ("@c", connection.ClientId), ("@s", connection.ProtectedSecret), ("@m", (long)connection.ScheduleMinutes),
                    ("@t", connection.CreatedAt.ToUnixTimeMilliseconds()), ("@b", connection.CreatedBy)], cancellationToken);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return null;
        }

        return await FindConnectionAsync(connection.Name, cancellationToken);
    }

    public async Task<SnowConnection?> FindConnectionAsync(string name, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"SELECT {ConnectionColumns} FROM snow_connections WHERE name = @n", [("@n", name)], ReadConnection, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<SnowConnection>> ListConnectionsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ConnectionColumns} FROM snow_connections ORDER BY name", [], ReadConnection, cancellationToken);

    public async Task<bool> RemoveConnectionAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var id = await ScalarAsync<long?>(connection, transaction, "SELECT id FROM snow_connections WHERE name = @n", [("@n", name)], cancellationToken);
        if (id is null) return false;
        await DeleteHistoryAsync(connection, transaction, id.Value, cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM snow_connections WHERE id = @c", [("@c", id.Value)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static SnowConnection ReadConnection(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2),
        r.GetString(3) == "oauth" ? ConnectionAuth.OAuth : ConnectionAuth.Basic, r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.GetString(6), (int)r.GetInt64(7), FromMs(r.GetInt64(8)), r.GetString(9));
}
