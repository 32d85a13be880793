namespace Plumb.Server.Storage;

using System.Data.Common;

public abstract partial class SqlStore
{
    private const string UserColumns = "id, name, password_hash, role, created_ms";

    public async Task<UserAccount?> CreateUserAsync(string name, string passwordHash, AccountRole role, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("INSERT INTO users (name, password_hash, role, created_ms) VALUES (@n, @h, @r, @t)",
                [("@n", name), ("@h", passwordHash), ("@r", RoleWord(role)), ("@t", at.ToUnixTimeMilliseconds())], cancellationToken);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return null;
        }

        return await FindUserAsync(name, cancellationToken);
    }

    public async Task<UserAccount?> FindUserAsync(string name, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"SELECT {UserColumns} FROM users WHERE name = @n", [("@n", name)], ReadUser, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {UserColumns} FROM users ORDER BY name", [], ReadUser, cancellationToken);

    public async Task<bool> UpdateUserAsync(string name, string? passwordHash, AccountRole? role, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync("""
            UPDATE users SET password_hash = COALESCE(@h, password_hash), role = COALESCE(@r, role) WHERE name = @n
            """, [("@n", name), ("@h", passwordHash), ("@r", role is { } r ? RoleWord(r) : null)], cancellationToken);
        return changed > 0;
    }

    public async Task<ApiToken> CreateTokenAsync(long userId, string name, string tokenHash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await ExecuteAsync("INSERT INTO api_tokens (user_id, name, token_hash, created_ms, revoked) VALUES (@u, @n, @h, @t, 0)",
            [("@u", userId), ("@n", name), ("@h", tokenHash), ("@t", at.ToUnixTimeMilliseconds())], cancellationToken);
        var list = await QueryAsync("SELECT id, user_id, name, created_ms, revoked FROM api_tokens WHERE token_hash = @h", [("@h", tokenHash)],
            ReadToken, cancellationToken);
        return list[0];
    }

    public async Task<UserAccount?> FindUserByTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var list = await QueryAsync($"""
            SELECT u.id, u.name, u.password_hash, u.role, u.created_ms FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @h AND t.revoked = 0
            """, [("@h", tokenHash)], ReadUser, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(long userId, CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, user_id, name, created_ms, revoked FROM api_tokens WHERE user_id = @u ORDER BY id", [("@u", userId)],
            ReadToken, cancellationToken);

    public async Task<bool> RevokeTokenAsync(long userId, long tokenId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_tokens SET revoked = 1 WHERE id = @id AND user_id = @u", [("@id", tokenId), ("@u", userId)], cancellationToken) > 0;

    public Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO audit (at_ms, actor, action, detail) VALUES (@t, @a, @c, @d)",
            [("@t", at.ToUnixTimeMilliseconds()), ("@a", actor), ("@c", action), ("@d", detail)], cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, at_ms, actor, action, detail FROM audit ORDER BY id DESC LIMIT @l", [("@l", (long)limit)],
            r => new AuditEntry(r.GetInt64(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);

    public Task<IReadOnlyList<string>> GetProtectionKeysAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT xml FROM protection_keys ORDER BY name", [], r => r.GetString(0), cancellationToken);

    public Task AddProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO protection_keys (name, xml) VALUES (@n, @x) ON CONFLICT (name) DO NOTHING", [("@n", name), ("@x", xml)], cancellationToken);

    public static string RoleWord(AccountRole role) => role.ToString().ToLowerInvariant();

    public static AccountRole? ParseRole(string word) => word.ToLowerInvariant() switch
    {
        "reader" => AccountRole.Reader,
        "editor" => AccountRole.Editor,
        "owner" => AccountRole.Owner,
        "admin" => AccountRole.Admin,
        _ => null,
    };

    private static UserAccount ReadUser(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), ParseRole(r.GetString(3)) ?? AccountRole.Reader, FromMs(r.GetInt64(4)));

    private static ApiToken ReadToken(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), FromMs(r.GetInt64(3)), r.GetInt64(4) != 0);
}
