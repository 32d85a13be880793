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
        var command = new Command("serve", "Run the Plumb server: the portal for readers, the REST API, and the store.") { db, urls, handbook, signIn, frame };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db), parse.GetValue(urls)!, parse.GetValue(handbook),
            parse.GetValue(signIn), parse.GetValue(frame), context, cancellationToken));
        return command;
    }

    internal static Option<string> DatabaseOption() => new("--db")
    {
        Description = "A SQLite file (default plumb.db here) or a PostgreSQL connection string (Host=...) or postgres:// URL.",
        DefaultValueFactory = _ => StoreFactory.DefaultDatabase,
    };

    private static async Task<int> RunAsync(string? db, string urls, string? handbook, bool requireSignIn, string? frameAncestors, CliContext context,
        CancellationToken cancellationToken)
    {
        if (handbook is not null && HandbookLoader.Open(handbook, context).Handbook is null) return ExitCodes.BadInput;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Plumb:Database"] = db,
            ["Plumb:SeedHandbook"] = handbook,
            ["Plumb:RequireSignIn"] = requireSignIn ? "true" : "false",
            ["Plumb:FrameAncestors"] = frameAncestors,
        };
        await using var app = PlumbApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(urls);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
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

        var store = app.Services.GetRequiredService<IPlumbStore>();
        await context.Out.WriteLineAsync($"Plumb is serving at {string.Join(" ", app.Urls)} (store: {store.Description}). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        await context.Error.WriteLineAsync("plumb: stopped");
        return ExitCodes.Ok;
    }
}
