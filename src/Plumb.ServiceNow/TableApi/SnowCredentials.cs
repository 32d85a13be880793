namespace Plumb.ServiceNow.TableApi;

/// <summary>
/// How Plumb signs in to an instance: basic auth (user and password) or OAuth 2.0 against <c>/oauth_token.do</c>
/// (client id and secret, with a user and password for the password grant or without them for client credentials).
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class SnowCredentials
{
    private SnowCredentials(string? user, string? password, string? clientId, string? clientSecret, string origin)
    {
        User = user;
        Password = password;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Origin = origin;
    }

    /// <summary>The user name (basic auth or the OAuth password grant).</summary>
    public string? User { get; }

    /// <summary>The user's password.</summary>
    public string? Password { get; }

    /// <summary>The OAuth client id; null for basic auth.</summary>
    public string? ClientId { get; }

    /// <summary>The OAuth client secret.</summary>
    public string? ClientSecret { get; }

    /// <summary>Where the credentials came from (for messages): environment or a file name.</summary>
    public string Origin { get; }

    /// <summary>True when OAuth is used.</summary>
    public bool IsOAuth => ClientId is not null;

    /// <summary>The value of the basic-auth header (base64 of <c>user:password</c>), which an instance may echo back.</summary>
    public string BasicToken => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));

    /// <summary>Every secret form of these credentials that must never reach a message: password, client secret, basic token.</summary>
    public IEnumerable<string> Secrets()
    {
        if (Password is { Length: > 0 } password) yield return password;
        if (ClientSecret is { Length: > 0 } secret) yield return secret;
        if (User is not null && Password is not null) yield return BasicToken;
    }

    /// <summary>Basic-auth credentials.</summary>
    public static SnowCredentials Basic(string user, string password, string origin = "arguments") => new(user, password, null, null, origin);

    /// <summary>OAuth credentials; with a user and password the password grant is used, else client credentials.</summary>
    public static SnowCredentials OAuth(string clientId, string clientSecret, string? user = null, string? password = null, string origin = "arguments") =>
        new(user, password, clientId, clientSecret, origin);

    /// <summary>
    /// Credentials from the environment (<c>PLUMB_SNOW_CLIENT_ID</c>/<c>PLUMB_SNOW_CLIENT_SECRET</c> for OAuth,
    /// <c>PLUMB_SNOW_USER</c>/<c>PLUMB_SNOW_PASSWORD</c>) or from a credentials file (<c>key=value</c> lines with the same
    /// keys in lower case without the prefix: <c>user</c>, <c>password</c>, <c>client_id</c>, <c>client_secret</c>).
    /// The file must be readable by its owner only (mode 0600).
    /// </summary>
    public static SnowCredentials Resolve(Func<string, string?> environment, string? file)
    {
        if (file is not null) return FromFile(file);
        var user = Blank(environment("PLUMB_SNOW_USER"));
        var password = Blank(environment("PLUMB_SNOW_PASSWORD"));
        var clientId = Blank(environment("PLUMB_SNOW_CLIENT_ID"));
        var secret = Blank(environment("PLUMB_SNOW_CLIENT_SECRET"));
        return Build(user, password, clientId, secret, "the environment",
            "no credentials: set PLUMB_SNOW_USER and PLUMB_SNOW_PASSWORD (or PLUMB_SNOW_CLIENT_ID and PLUMB_SNOW_CLIENT_SECRET), or pass --credentials FILE");
    }

    /// <summary>Reads a credentials file, refusing one that others can read.</summary>
    public static SnowCredentials FromFile(string file)
    {
        if (!File.Exists(file)) throw new SnowException($"credentials file '{file}' does not exist");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(file);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                throw new SnowException($"credentials file '{file}' can be read by others (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}); run 'chmod 600 {file}'");
            }
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new SnowException($"{file}:{number}: expected key=value (user, password, client_id, client_secret)");
            var key = line[..equals].Trim();
            if (key is not ("user" or "password" or "client_id" or "client_secret"))
            {
                throw new SnowException($"{file}:{number}: unknown key '{key}'; expected user, password, client_id or client_secret");
            }

            values[key] = line[(equals + 1)..].Trim();
        }

        return Build(Blank(values.GetValueOrDefault("user")), Blank(values.GetValueOrDefault("password")),
            Blank(values.GetValueOrDefault("client_id")), Blank(values.GetValueOrDefault("client_secret")), $"'{file}'",
            $"credentials file '{file}' holds neither user and password nor client_id and client_secret");
    }

    /// <summary>A description without secrets.</summary>
    public override string ToString() =>
        IsOAuth ? $"OAuth client {ClientId}{(User is null ? "" : $" as {User}")} (from {Origin})" : $"user {User} (from {Origin})";

    /// <summary>
    /// Credentials from the four values as given (null for absent): OAuth when a client id or secret is given, else basic
    /// auth; <paramref name="none"/> is the message when nothing is given, <paramref name="origin"/> names the source in messages.
    /// </summary>
    /// <exception cref="SnowException">The values are incomplete for either way of signing in.</exception>
    public static SnowCredentials Build(string? user, string? password, string? clientId, string? secret, string origin, string none)
    {
        if (clientId is not null || secret is not null)
        {
            if (clientId is null || secret is null) throw new SnowException($"OAuth needs both a client id and a client secret (from {origin})");
            if ((user is null) != (password is null)) throw new SnowException($"the OAuth password grant needs both a user and a password (from {origin})");
            return OAuth(clientId, secret, user, password, origin);
        }

        if (user is null && password is null) throw new SnowException(none);
        if (user is null || password is null) throw new SnowException($"basic auth needs both a user and a password (from {origin})");
        return Basic(user, password, origin);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
