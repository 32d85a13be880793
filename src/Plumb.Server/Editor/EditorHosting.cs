namespace Plumb.Server.Editor;

using Microsoft.Extensions.Options;
using Plumb.Editor.Services;
using Plumb.Editor.Store;
using Plumb.Editor.Web;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

/// <summary>Plugs the editor into the server: its tables live in the server's database, approved versions go to the server's history.</summary>
public static class EditorHosting
{
    public static WebApplicationBuilder AddPlumbEditorHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPublishedHandbook, ServerPublishedHandbook>();
        builder.Services.AddPlumbEditor(sp => Store(sp.GetRequiredService<IOptions<PlumbServerOptions>>().Value.Database));
        builder.Services.AddHostedService<EditorStartup>();
        return builder;
    }

    private static IEditorStore Store(string? database)
    {
        var text = string.IsNullOrWhiteSpace(database) ? StoreFactory.DefaultDatabase : database.Trim();
        return StoreFactory.IsPostgres(text)
            ? new PostgresEditorStore(PostgresStore.NormaliseConnectionString(text))
            : new SqliteEditorStore($"Data Source={Path.GetFullPath(text)}");
    }

    // Runs after the server's own store start-up (hosted services start in the order they were added).
    private sealed class EditorStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.MigratePlumbEditorAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
