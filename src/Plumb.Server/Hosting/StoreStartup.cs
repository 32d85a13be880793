namespace Plumb.Server.Hosting;

using Microsoft.Extensions.Options;
using Plumb.Handbook.Folder;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>Migrates the store before the server takes requests, and seeds an empty store from a handbook folder.</summary>
public sealed class StoreStartup(IPlumbStore store, HandbookService handbooks, IOptions<PlumbServerOptions> options, ILogger<StoreStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Store ready: {Store}", store.Description);
        if (options.Value.SeedHandbook is not { } folder) return;
        if (await store.GetHeadAsync(cancellationToken) is { } head)
        {
            logger.LogInformation("The store already holds version {Version}; {Folder} was not loaded", head.Number, folder);
            return;
        }

        var result = await handbooks.SaveAsync(0, HandbookFolder.ReadDocuments(folder), "plumb serve", $"Seeded from {Path.GetFileName(Path.GetFullPath(folder))}",
            cancellationToken);
        if (result.Saved is null)
        {
            var problems = result.Malformed.Concat(result.Violations).Select(d => d.Format(folder));
            throw new InvalidOperationException($"the handbook in {folder} cannot be stored:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        logger.LogInformation("Seeded version 1 from {Folder}", folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
