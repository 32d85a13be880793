namespace Plumb.Server.Sync;

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Storage;
using Plumb.ServiceNow.TableApi;

/// <summary>A connection as the portal, the API and the CLI show it: never a secret.</summary>
public sealed record ConnectionSummary(string Name, string Instance, ConnectionAuth Auth, string? User, string? ClientId, int ScheduleMinutes,
    DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A connection's details or a request that cannot be stored, said in one sentence.</summary>
public sealed class ConnectionException(string message) : Exception(message);

/// <summary>
/// Adds, lists and removes ServiceNow connections. The password and client secret are protected with ASP.NET Core
/// Data Protection (the key ring lives in the store, so every instance on the database can read them) and are handed
/// out only to the sync, as <see cref="SnowCredentials"/>; the audit trail names the connection, never a secret.
/// </summary>
public sealed class ConnectionService(IConnectionStore connections, IPlumbStore store, IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The schedule of a new connection: hourly.</summary>
    public const int DefaultScheduleMinutes = 60;

    // A versioned purpose: a later format gets a new purpose and old secrets stay readable under this one.
    private readonly IDataProtector _protector = protection.CreateProtector("Plumb.Sync.Connections.v1");

    /// <summary>
    /// Checks and stores a connection. The instance URL must be https (plain http only on loopback, as for <c>snow pull</c>);
    /// the credentials say basic or OAuth.
    /// </summary>
    public async Task<ConnectionSummary> AddAsync(string name, string instance, SnowCredentials credentials, int scheduleMinutes, string actor,
        CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ConnectionException("the connection name must be 1 to 64 letters, digits, '-', '_' or '.'");
        }

        if (scheduleMinutes is < 0 or > 7 * 24 * 60) throw new ConnectionException("the schedule must be 0 (on demand only) to 10080 minutes");
        Uri url;
        try
        {
            url = InstanceUrl.Parse(instance);
        }
        catch (SnowException e)
        {
            throw new ConnectionException(e.Message.Replace("--instance", "the instance", StringComparison.Ordinal));
        }

        var secret = JsonSerializer.Serialize(new Secret(credentials.Password, credentials.ClientSecret));
        var stored = await connections.AddConnectionAsync(new SnowConnection(0, name, url.ToString(), credentials.IsOAuth ? ConnectionAuth.OAuth : ConnectionAuth.Basic,
            credentials.User, credentials.ClientId, _protector.Protect(secret), scheduleMinutes, time.GetUtcNow(), actor), cancellationToken)
            ?? throw new ConnectionException($"a connection named '{name}' exists already; remove it first to replace it");
        await store.AppendAuditAsync(time.GetUtcNow(), actor, "connection.add", $"{name}: {url} ({credentials})", cancellationToken);
        return Summary(stored);
    }

    /// <summary>Every connection, without secrets.</summary>
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await connections.ListConnectionsAsync(cancellationToken)).Select(Summary)];

    /// <summary>Removes a connection; false when there is none of that name.</summary>
    public async Task<bool> RemoveAsync(string name, string actor, CancellationToken cancellationToken)
    {
        if (!await connections.RemoveConnectionAsync(name, cancellationToken)) return false;
        await store.AppendAuditAsync(time.GetUtcNow(), actor, "connection.remove", name, cancellationToken);
        return true;
    }

    /// <summary>The instance and sign-in of a connection, for the sync; null when there is no such connection.</summary>
    public async Task<(Uri Instance, SnowCredentials Credentials)?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        if (await connections.FindConnectionAsync(name, cancellationToken) is not { } connection) return null;
        Secret secret;
        try
        {
            secret = JsonSerializer.Deserialize<Secret>(_protector.Unprotect(connection.ProtectedSecret))!;
        }
        catch (CryptographicException)
        {
            throw new ConnectionException($"the secret of connection '{name}' cannot be read with this store's keys; add the connection again");
        }

        var origin = $"connection '{name}'";
        var credentials = connection.Auth == ConnectionAuth.OAuth
            ? SnowCredentials.OAuth(connection.ClientId!, secret.ClientSecret!, connection.User, connection.User is null ? null : secret.Password, origin)
            : SnowCredentials.Basic(connection.User!, secret.Password!, origin);
        return (new Uri(connection.Instance), credentials);
    }

    /// <summary>
    /// The data-protection provider of a store outside the server (for <c>plumb connection</c>): the server's application
    /// name and the key ring in the store, so what one protects the other reads.
    /// </summary>
    public static IDataProtectionProvider ProviderFor(IPlumbStore store)
    {
        var services = new ServiceCollection();
        ConfigureProtection(services, _ => store);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    /// <summary>Registers Data Protection with the key ring in the store (used by the server and by <see cref="ProviderFor"/>).</summary>
    public static void ConfigureProtection(IServiceCollection services, Func<IServiceProvider, IPlumbStore> store)
    {
        services.AddDataProtection().SetApplicationName("plumb");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(store(sp))));
    }

    private static ConnectionSummary Summary(SnowConnection c) => new(c.Name, c.Instance, c.Auth, c.User, c.ClientId, c.ScheduleMinutes, c.CreatedAt, c.CreatedBy);

    private sealed record Secret(string? Password, string? ClientSecret);
}
