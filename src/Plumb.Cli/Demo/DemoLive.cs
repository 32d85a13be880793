namespace Plumb.Cli.Demo;

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Mining.Readers;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.TableApi;
using Plumb.Server.Sync;
using Plumb.Server.Uploads;

/// <summary>
/// What <c>plumb demo</c> does beside the server so the figures are live: the generated ticket histories are uploaded, a simulated
/// ServiceNow instance starts on loopback and is added as a connection, its ticket feed keeps opening and moving tickets, and every
/// <see cref="Interval"/> the instance's data reaches the server again, so the process pages and the Alignment page change while one watches.
/// </summary>
public sealed class DemoLive(DemoPaths workspace, CliContext context)
{
    /// <summary>The connection the demo adds for its simulated instance.</summary>
    public const string ConnectionName = "simulator";

    /// <summary>How often the feed moves on and the data reaches the server again.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tickets opened per table each time.</summary>
    public int TicketsPerStep { get; init; } = 4;

    /// <summary>Runs until the server stops.</summary>
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var uploads = services.GetRequiredService<UploadService>();
        var known = (await services.GetRequiredService<IUploadStore>().ListUploadSourcesAsync(cancellationToken)).Select(u => u.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var (process, _) in DemoPaths.Histories)
        {
            if (known.Contains($"{UploadService.SourcePrefix}demo-{process}")) continue;
            await using var file = File.OpenRead(workspace.Log(process));
            await uploads.AddAsync(Path.GetFileName(workspace.Log(process)), $"demo-{process}", new UploadReading(EventLogFormat.Csv, "utf-8", new CsvLogOptions()),
                file, "plumb demo", cancellationToken);
        }

        var handbook = Plumb.Handbook.Folder.HandbookFolder.Load(workspace.Handbook).Handbook
            ?? throw new InvalidOperationException($"{workspace.Handbook}: the demo handbook cannot be read");
        var instance = SimulatedInstance.FromSnapshot(workspace.Snapshot);
        var feed = new TicketFeed(instance, handbook, 42);
        static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var credentials = SnowCredentials.Basic("plumb.demo", Secret());
        await using var simulator = await SimulatorServer.StartAsync(instance, new SimulatorOptions { User = credentials.User, Password = credentials.Password },
            "http://127.0.0.1:0", feed, context.Time, cancellationToken);
        var connections = services.GetRequiredService<ConnectionService>();
        // The simulator listens on a new port and password each run: the connection is replaced.
        await connections.RemoveAsync(ConnectionName, "plumb demo", cancellationToken);
        await connections.AddAsync(ConnectionName, simulator.BaseUrl.ToString(), credentials, 0, "plumb demo", cancellationToken);
        await context.Error.WriteLineAsync($"plumb demo: a simulated ServiceNow instance serves at {simulator.BaseUrl} (connection '{ConnectionName}'); "
            + $"{TicketsPerStep} new ticket(s) per table every {Interval.TotalSeconds:F0} s");

        await SyncAsync(services, cancellationToken);
        using var timer = new PeriodicTimer(Interval, context.Time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var step = feed.Advance(TicketsPerStep, context.Time.GetUtcNow().UtcDateTime);
            await context.Error.WriteLineAsync($"plumb demo: tickets {step.Opened} opened, {step.Advanced} moved on, {step.Closed} closed; {feed.OpenTickets} open");
            await SyncAsync(services, cancellationToken);
        }
    }

    /// <summary>
    /// Syncs connection <see cref="ConnectionName"/> as the server's schedule would: only what the feed changed since the last sync
    /// is pulled, and the results service recomputes the figures from it.
    /// </summary>
    private async Task SyncAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var (outcome, run) = await services.GetRequiredService<SyncService>().RunAsync(ConnectionName, cancellationToken);
        await context.Error.WriteLineAsync(run is null
            ? $"plumb demo: sync of '{ConnectionName}' not run ({outcome})"
            : run.State == SyncState.Complete
                ? $"plumb demo: sync {run.Number} of '{ConnectionName}': {run.RecordsAdded:N0} record(s) and {run.AuditRowsAdded:N0} audit row(s) pulled"
                : $"plumb demo: sync {run.Number} of '{ConnectionName}' {run.State.ToString().ToLowerInvariant()}: {run.Error}");
    }
}
