namespace Plumb.Server.Tests.Support;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Plumb.Server.Hosting;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, for the browser and the CLI.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public string DatabasePath => _directory.File("plumb.db");

    public static async Task<LiveServer> StartAsync(string? seedFolder = null, IDictionary<string, string?>? settings = null)
    {
        var server = new LiveServer();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Plumb:Database"] = server.DatabasePath, ["Plumb:SeedHandbook"] = seedFolder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        server._app = PlumbApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await server._app.StartAsync();
        server.Url = server._app.Urls.First();
        return server;
    }

    public IServiceProvider Services => _app!.Services;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _directory.Dispose();
    }
}
