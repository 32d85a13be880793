namespace Plumb.Server.Accounts;

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Plumb.Server.Storage;

/// <summary>Why an account could not be made or changed, in words for the person who asked.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>Local accounts and API tokens: creation rules, sign-in checks, and the audit of each.</summary>
public sealed partial class AccountService(IPlumbStore store, TimeProvider time)
{
    public const int MinimumPasswordLength = 10;
    public const string TokenPrefix = "plumb_";

    /// <summary>How long a cookie session lasts at most, however active; then the person signs in again.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    // Checking a password for a name nobody has still costs a hash, so timing does not tell which names exist.
    private static readonly string UnknownUserHash = PasswordHashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public static string NormaliseName(string name) => name.Trim().ToLowerInvariant();

    public async Task<UserAccount> CreateUserAsync(string name, string password, AccountRole role, string actor, CancellationToken cancellationToken)
    {
        name = NormaliseName(name);
        if (!NamePattern().IsMatch(name)) throw new AccountException($"'{name}' is not a valid user name: use letters, digits, '.', '_', '-' or '@' (up to 64)");
        CheckPassword(password);
        var user = await store.CreateUserAsync(name, PasswordHashing.Hash(password), role, time.GetUtcNow(), cancellationToken)
            ?? throw new AccountException($"the user '{name}' already exists");
        await store.AppendAuditAsync(time.GetUtcNow(), actor, "user-add", $"{name} as {SqlStore.RoleWord(role)}", cancellationToken);
        return user;
    }

    /// <summary>Changes the password and ends the account's sessions, except <paramref name="keepSession"/> (the one that asked, if any).</summary>
    public async Task SetPasswordAsync(string name, string password, string actor, CancellationToken cancellationToken, string? keepSession = null)
    {
        CheckPassword(password);
        if (!await store.UpdateUserAsync(NormaliseName(name), PasswordHashing.Hash(password), null, cancellationToken))
        {
            throw new AccountException($"there is no user '{name}'");
        }

        var ended = await EndSessionsAsync(name, keepSession, cancellationToken);
        await store.AppendAuditAsync(time.GetUtcNow(), actor, "user-password", $"{NormaliseName(name)}; {ended} session(s) ended", cancellationToken);
    }

    /// <summary>Changes the role and ends the account's sessions, so a cookie issued under the old role stops working at once.</summary>
    public async Task SetRoleAsync(string name, AccountRole role, string actor, CancellationToken cancellationToken)
    {
        if (!await store.UpdateUserAsync(NormaliseName(name), null, role, cancellationToken)) throw new AccountException($"there is no user '{name}'");
        var ended = await EndSessionsAsync(name, null, cancellationToken);
        await store.AppendAuditAsync(time.GetUtcNow(), actor, "user-role", $"{NormaliseName(name)} as {SqlStore.RoleWord(role)}; {ended} session(s) ended",
            cancellationToken);
    }

    /// <summary>Starts a cookie session; the returned id goes into the cookie and only its hash into the store.</summary>
    public async Task<string> StartSessionAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await store.CreateSessionAsync(user.Id, HashToken(id), now, now - SessionLifetime, cancellationToken);
        return id;
    }

    /// <summary>The account of a live session, read from the store now (so its current role counts); null when the session ended.</summary>
    public Task<UserAccount?> FindBySessionAsync(string sessionId, CancellationToken cancellationToken) =>
        store.FindUserBySessionAsync(HashToken(sessionId), time.GetUtcNow() - SessionLifetime, cancellationToken);

    /// <summary>Ends a session everywhere: every instance on the store refuses its cookie from the next request on.</summary>
    public async Task EndSessionAsync(string sessionId, string actor, CancellationToken cancellationToken)
    {
        if (await store.EndSessionAsync(HashToken(sessionId), cancellationToken)) await store.AppendAuditAsync(time.GetUtcNow(), actor, "sign-out", "", cancellationToken);
    }

    private async Task<int> EndSessionsAsync(string name, string? keepSession, CancellationToken cancellationToken) =>
        await store.FindUserAsync(NormaliseName(name), cancellationToken) is { } user
            ? await store.EndSessionsAsync(user.Id, keepSession is null ? null : HashToken(keepSession), cancellationToken)
            : 0;

    /// <summary>The account when the password is right; every attempt goes to the audit trail.</summary>
    public async Task<UserAccount?> SignInAsync(string name, string password, string from, CancellationToken cancellationToken)
    {
        name = NormaliseName(name);
        var user = await store.FindUserAsync(name, cancellationToken);
        var ok = PasswordHashing.Verify(password, user?.PasswordHash ?? UnknownUserHash) && user is not null;
        await store.AppendAuditAsync(time.GetUtcNow(), name, ok ? "sign-in" : "sign-in-failed", from, cancellationToken);
        return ok ? user : null;
    }

    /// <summary>Makes a token for the account; the returned text is shown once and only its hash is kept.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateTokenAsync(UserAccount user, string name, CancellationToken cancellationToken)
    {
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = await store.CreateTokenAsync(user.Id, string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(), HashToken(secret),
            time.GetUtcNow(), cancellationToken);
        await store.AppendAuditAsync(time.GetUtcNow(), user.Name, "token-add", $"token {token.Id} '{token.Name}'", cancellationToken);
        return (token, secret);
    }

    public Task<UserAccount?> FindByTokenAsync(string secret, CancellationToken cancellationToken) =>
        secret.StartsWith(TokenPrefix, StringComparison.Ordinal) ? store.FindUserByTokenAsync(HashToken(secret), cancellationToken) : Task.FromResult<UserAccount?>(null);

    public static string HashToken(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static void CheckPassword(string password)
    {
        if (password.Length < MinimumPasswordLength) throw new AccountException($"the password must have at least {MinimumPasswordLength} characters");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
