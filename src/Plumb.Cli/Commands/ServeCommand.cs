namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static Command Create(CliContext context)
    {
        var db = DatabaseOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated).", DefaultValueFactory = _ => DefaultUrl };
        var handbook = new Option<string?>("--handbook") { Description = "A handbook folder that seeds an empty store." };
        var signIn = new Option<bool>("--require-sign-in") { Description = "Readers must sign in (by default anyone may read)." };
        var frame = new Option<string?>("--frame-ancestors")
        {
            Description = "Origins allowed to frame the portal, e.g. https://acme.service-now.com (space-separated).",
        };
        var reports = new Option<string?>("--reports") { Description = "A folder of reports (analysis, drift, documents) to publish under /reports." };
        var proxies = new Option<string?>("--trusted-proxies")
        {
            Description = "Reverse proxies whose X-Forwarded-Proto/-For are believed: addresses or networks, e.g. 10.0.0.5 or 10.0.0.0/8 (space-separated).",
        };
        var command = new Command("serve", "Run the Plumb server: the portal for readers, the REST API, and the store.")
        {
            db, urls, handbook, signIn, frame, reports, proxies,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new ServeSettings(parse.GetValue(db), parse.GetValue(urls)!, parse.GetValue(handbook),
            parse.GetValue(signIn), parse.GetValue(frame), parse.GetValue(reports)) { TrustedProxies = parse.GetValue(proxies) }, context, cancellationToken));
        return command;
    }

    internal static Option<string> DatabaseOption() => new("--db")
    {
        Description = "A SQLite file (default plumb.db here) or a PostgreSQL connection string (Host=...) or postgres:// URL.",
        DefaultValueFactory = _ => StoreFactory.DefaultDatabase,
    };

    /// <summary>What a server run needs; <c>plumb demo</c> fills it in too.</summary>
    public sealed record ServeSettings(string? Db, string Urls, string? Handbook, bool RequireSignIn, string? FrameAncestors, string? Reports)
    {
        public Action<string>? Started { get; init; }

        /// <summary>Work that runs beside the server once it listens (the demo's live data), stopped with it; its failure is reported, not fatal.</summary>
        public Func<IServiceProvider, CancellationToken, Task>? Running { get; init; }

        /// <summary>Reverse proxies whose forwarded headers are believed (see <c>Plumb:TrustedProxies</c>).</summary>
        public string? TrustedProxies { get; init; }
    }

    public static async Task<int> RunAsync(ServeSettings serve, CliContext context, CancellationToken cancellationToken)
    {
        var (db, urls, handbook, requireSignIn, frameAncestors) = (serve.Db, serve.Urls, serve.Handbook, serve.RequireSignIn, serve.FrameAncestors);
        if (handbook is not null && HandbookLoader.Open(handbook, context).Handbook is null) return ExitCodes.BadInput;
        try
        {
            ProxyHeaders.Options(serve.TrustedProxies);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"--trusted-proxies: {e.Message}");
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Plumb:Database"] = db,
            ["Plumb:SeedHandbook"] = handbook,
            ["Plumb:RequireSignIn"] = requireSignIn ? "true" : "false",
            ["Plumb:FrameAncestors"] = frameAncestors,
            ["Plumb:Reports"] = serve.Reports,
        };
        if (serve.TrustedProxies is { Length: > 0 } trusted) settings["Plumb:TrustedProxies"] = trusted;
        await using var app = PlumbApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(urls);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // start failures are reported below, in one line
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"cannot listen on {urls}: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("the handbook in", StringComparison.Ordinal))
        {
            throw new UsageException(e.Message);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new UsageException($"cannot open the store: {e.Message}");
        }

        var store = app.Services.GetRequiredService<IPlumbStore>();
        await context.Out.WriteLineAsync($"Plumb is serving at {string.Join(" ", app.Urls)} (store: {store.Description}). Press Ctrl+C to stop.");
        serve.Started?.Invoke(string.Join(" ", app.Urls));
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        var running = serve.Running is { } work ? Task.Run(() => work(app.Services, stopping.Token), CancellationToken.None) : Task.CompletedTask;
        await app.WaitForShutdownAsync(cancellationToken);
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync($"plumb: {e.Message}");
        }

        await context.Error.WriteLineAsync("plumb: stopped");
        return ExitCodes.Ok;
    }
}
