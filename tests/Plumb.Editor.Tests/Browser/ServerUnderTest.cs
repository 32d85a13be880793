namespace Plumb.Editor.Tests.Browser;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;
using Plumb.Server.Accounts;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

// The real Plumb server (portal, accounts, editor) on a loopback port, seeded with the example handbook.
internal sealed class ServerUnderTest : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";
    private readonly string _folder;

    private ServerUnderTest(WebApplication app, string folder)
    {
        App = app;
        _folder = folder;
    }

    public WebApplication App { get; }

    public string Url => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>
    /// Starts the server on the example handbook, changed first by <paramref name="seed"/> when given; <paramref name="reports"/>
    /// writes files into the reports folder the server publishes.
    /// </summary>
    public static async Task<ServerUnderTest> StartAsync(Action<Plumb.Handbook.Model.Handbook>? seed = null, Action<string>? reports = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"plumb-editor-browser-{Guid.NewGuid():N}");
        var handbook = Path.Combine(folder, "handbook");
        var example = ExampleHandbook.Create("Acme IT");
        seed?.Invoke(example);
        HandbookFolder.Save(example, handbook);
        var options = new List<string>
        {
            $"--Plumb:Database={Path.Combine(folder, "plumb.db")}", $"--Plumb:SeedHandbook={handbook}", "--Plumb:SignInAttemptsPerMinute=1000",
            "--urls=http://127.0.0.1:0",
        };
        if (reports is not null)
        {
            var published = Path.Combine(folder, "reports");
            Directory.CreateDirectory(published);
            reports(published);
            options.Add($"--Plumb:Reports={published}");
        }

        var app = PlumbApp.Build([.. options], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var accounts = app.Services.GetRequiredService<AccountService>();
        foreach (var (name, role) in new[] { ("editor", AccountRole.Editor), ("bob", AccountRole.Editor), ("owner", AccountRole.Owner), ("reader", AccountRole.Reader) })
            await accounts.CreateUserAsync(name, Password, role, "test", CancellationToken.None);
        return new ServerUnderTest(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
