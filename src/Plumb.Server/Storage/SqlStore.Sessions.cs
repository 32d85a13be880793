namespace Plumb.Server.Storage;

public abstract partial class SqlStore
{
    public async Task CreateSessionAsync(long userId, string sessionHash, DateTimeOffset at, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        // Sessions nobody signed out of would pile up; each sign-in clears the ones past their lifetime.
        await ExecuteAsync("DELETE FROM sessions WHERE created_ms < @e", [("@e", expiredBefore.ToUnixTimeMilliseconds())], cancellationToken);
        await ExecuteAsync("INSERT INTO sessions (id_hash, user_id, created_ms) VALUES (@h, @u, @t)",
            [("@h", sessionHash), ("@u", userId), ("@t", at.ToUnixTimeMilliseconds())], cancellationToken);
    }

    public async Task<UserAccount?> FindUserBySessionAsync(string sessionHash, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"""
            SELECT u.id, u.name, u.password_hash, u.role, u.created_ms FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id_hash = @h AND s.created_ms >= @e
            """, [("@h", sessionHash), ("@e", expiredBefore.ToUnixTimeMilliseconds())], ReadUser, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public async Task<bool> EndSessionAsync(string sessionHash, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM sessions WHERE id_hash = @h", [("@h", sessionHash)], cancellationToken) > 0;

    public Task<int> EndSessionsAsync(long userId, string? exceptSessionHash, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM sessions WHERE user_id = @u AND id_hash <> @x", [("@u", userId), ("@x", exceptSessionHash ?? "")], cancellationToken);
}
