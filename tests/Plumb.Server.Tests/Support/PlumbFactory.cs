namespace Plumb.Server.Tests.Support;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumb.Server.Accounts;
using Plumb.Server.Hosting;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>The server in memory on its own SQLite file, with a fake clock, helpers to seed a handbook and make accounts.</summary>
public sealed class PlumbFactory : WebApplicationFactory<PlumbServerOptions>
{
    private readonly TempDirectory _directory = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public string DatabasePath => _directory.File("plumb.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Plumb:Database", DatabasePath);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public async Task<Snapshot> SeedAsync(Dictionary<string, string>? documents = null)
    {
        var handbooks = Services.GetRequiredService<HandbookService>();
        var result = await handbooks.SaveAsync(0, documents ?? TestHandbooks.Documents(), "test", "seed", CancellationToken.None);
        return result.Saved ?? throw new InvalidOperationException(string.Join("; ", result.Malformed.Concat(result.Violations).Select(d => d.Format())));
    }

    public async Task<string> TokenAsync(string name, AccountRole role)
    {
        var accounts = Services.GetRequiredService<AccountService>();
        var store = Services.GetRequiredService<IPlumbStore>();
        var user = await store.FindUserAsync(name, CancellationToken.None)
            ?? await accounts.CreateUserAsync(name, "correct horse battery", role, "test", CancellationToken.None);
        return (await accounts.CreateTokenAsync(user, "test", CancellationToken.None)).Secret;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _directory.Dispose();
    }
}
