namespace Plumb.Server.Tests.Sync;

using Microsoft.Extensions.Time.Testing;
using Plumb.Server.Storage;
using Plumb.Server.Sync;
using Plumb.ServiceNow.TableApi;

/// <summary>ServiceNow connections in the store, run against SQLite and PostgreSQL alike.</summary>
public abstract class ConnectionContract : IAsyncLifetime
{
    private const string Password = "Pa55-w0rd-nobody-sees";
    private const string ClientSecret = "client-secret-nobody-sees";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected IPlumbStore Store { get; private set; } = null!;

    protected abstract Task<IPlumbStore> CreateStoreAsync();

    /// <summary>A second store object on the same database, as a second server instance would have.</summary>
    protected abstract IPlumbStore OpenSecondInstance();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(CancellationToken.None);
    }

    public virtual ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    private ConnectionService Service(IPlumbStore store) => new((IConnectionStore)store, store, ConnectionService.ProviderFor(store), _time);

    [Fact]
    public async Task Secrets_are_stored_protected_and_another_instance_on_the_store_reads_them_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await Service(Store).AddAsync("prod", "https://acme.service-now.com", SnowCredentials.Basic("plumb.reader", Password), 60, "admin", ct);
        await Service(Store).AddAsync("oauth", "https://acme.service-now.com/", SnowCredentials.OAuth("client-7", ClientSecret), 0, "admin", ct);

        var stored = await ((IConnectionStore)Store).ListConnectionsAsync(ct);
        Assert.Equal(["oauth", "prod"], stored.Select(c => c.Name));
        Assert.All(stored, c => Assert.DoesNotContain(Password, c.ProtectedSecret));
        Assert.All(stored, c => Assert.DoesNotContain(ClientSecret, c.ProtectedSecret));

        var second = OpenSecondInstance();
        try
        {
            var (instance, basic) = (await Service(second).OpenAsync("prod", ct))!.Value;
            Assert.Equal("https://acme.service-now.com/", instance.ToString());
            Assert.Equal(("plumb.reader", Password, false), (basic.User, basic.Password, basic.IsOAuth));
            var (_, oauth) = (await Service(second).OpenAsync("oauth", ct))!.Value;
            Assert.Equal(("client-7", ClientSecret, (string?)null), (oauth.ClientId, oauth.ClientSecret, oauth.User));
            Assert.Null(await Service(second).OpenAsync("nothing", ct));
        }
        finally
        {
            (second as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task The_list_and_the_audit_trail_name_the_connection_but_never_a_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = Service(Store);
        await service.AddAsync("prod", "https://acme.service-now.com", SnowCredentials.OAuth("client-7", ClientSecret, "plumb.reader", Password), 30, "ann", ct);

        var summary = Assert.Single(await service.ListAsync(ct));
        Assert.Equal(("prod", ConnectionAuth.OAuth, "plumb.reader", "client-7", 30, "ann"),
            (summary.Name, summary.Auth, summary.User, summary.ClientId, summary.ScheduleMinutes, summary.CreatedBy));
        var audit = Assert.Single(await Store.ListAuditAsync(10, ct));
        Assert.Equal("connection.add", audit.Action);
        Assert.Contains("prod", audit.Detail);
        Assert.DoesNotContain(Password, audit.Detail);
        Assert.DoesNotContain(ClientSecret, audit.Detail);

        Assert.True(await service.RemoveAsync("prod", "ann", ct));
        Assert.False(await service.RemoveAsync("prod", "ann", ct));
        Assert.Empty(await service.ListAsync(ct));
    }

    [Theory]
    [InlineData("prod", "http://acme.service-now.com", "plain http")]
    [InlineData("prod", "ftp://acme", "not an http(s) URL")]
    [InlineData("has space", "https://acme.service-now.com", "connection name")]
    public async Task A_connection_that_cannot_be_used_safely_is_refused(string name, string instance, string message)
    {
        var e = await Assert.ThrowsAsync<ConnectionException>(() =>
            Service(Store).AddAsync(name, instance, SnowCredentials.Basic("u", Password), 60, "admin", TestContext.Current.CancellationToken));

        Assert.Contains(message, e.Message);
        Assert.Empty(await Service(Store).ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_name_is_taken_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await Service(Store).AddAsync("prod", "https://a.service-now.com", SnowCredentials.Basic("u", Password), 60, "admin", ct);

        var e = await Assert.ThrowsAsync<ConnectionException>(() =>
            Service(Store).AddAsync("prod", "https://b.service-now.com", SnowCredentials.Basic("u", Password), 60, "admin", ct));

        Assert.Contains("exists already", e.Message);
        Assert.Equal("https://a.service-now.com/", Assert.Single(await Service(Store).ListAsync(ct)).Instance);
    }
}
