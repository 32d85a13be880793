namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary><c>plumb snow simulate</c>: a ServiceNow instance on loopback, serving a generated or pulled snapshot through the Table API.</summary>
public static class SnowSimulateCommand
{
    /// <summary>Where the simulator listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8091";

    public static Command Create(CliContext context)
    {
        var handbook = new Option<string?>("--handbook") { Description = "A handbook folder: an instance configured to match it is generated, and its procedures drive the new tickets." };
        var snapshot = new Option<string?>("--snapshot") { Description = "A snapshot folder (plumb snow generate or plumb snow pull) to serve instead of a generated one." };
        var urls = new Option<string>("--urls") { Description = "Where to listen: a loopback http URL.", DefaultValueFactory = _ => DefaultUrl };
        var credentials = new Option<string>("--credentials")
        {
            Description = "The credentials file the simulator accepts (user, password, client_id, client_secret); created with random values, " +
                "mode 600, when absent, so plumb snow pull --credentials can use the same file.",
            DefaultValueFactory = _ => "snow-simulator.credentials",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated instance and of the new tickets.", DefaultValueFactory = _ => 1 };
        var tickets = new Option<int>("--tickets") { Description = "Tickets per mapped task table in the generated history (about 5 to 8 audit rows each; 50000 gives about a million).", DefaultValueFactory = _ => 200 };
        var drift = new Option<string[]>("--drift") { Description = "Drifts to inject into the generated instance: missing-state, extra-group, sla.", AllowMultipleArgumentsPerToken = true };
        var rateLimit = new Option<int?>("--rate-limit") { Description = "Requests one user or OAuth client may make per --rate-window before 429 Too Many Requests." };
        var rateWindow = new Option<int>("--rate-window") { Description = "Seconds of the rate-limit window (ServiceNow counts per hour).", DefaultValueFactory = _ => 3600 };
        var every = new Option<int>("--add-every") { Description = "Seconds between steps of the ticket feed (0: only on POST /" + SimulatorServer.FeedPath + ").", DefaultValueFactory = _ => 0 };
        var add = new Option<int>("--add") { Description = "Tickets opened per mapped table in each feed step.", DefaultValueFactory = _ => 1 };
        var maxPage = new Option<int>("--max-page-size") { Description = "The most records one page holds (also the page size without sysparm_limit).", DefaultValueFactory = _ => 10000 };
        var command = new Command("simulate",
            "Serve a simulated ServiceNow instance on loopback through the Table API (paging with Link headers, basic auth and OAuth, " +
            "encoded queries on sys_updated_on, 429 rate limits), keep adding tickets, and stop on Ctrl+C. For demos and tests; no instance needed.")
        {
            handbook, snapshot, urls, credentials, seed, tickets, drift, rateLimit, rateWindow, every, add, maxPage,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new Settings(parse.GetValue(handbook), parse.GetValue(snapshot), parse.GetValue(urls)!,
            parse.GetValue(credentials)!, SnowGenerateCommand.Options(parse.GetValue(drift), parse.GetValue(seed), parse.GetValue(tickets)),
            parse.GetValue(rateLimit), parse.GetValue(rateWindow), parse.GetValue(every), parse.GetValue(add), parse.GetValue(maxPage)), context, cancellationToken));
        return command;
    }

    /// <summary>What a simulator run needs; <c>plumb demo</c> fills it in too.</summary>
    public sealed record Settings(string? Handbook, string? Snapshot, string Urls, string Credentials, GeneratorOptions Generator,
        int? RateLimit = null, int RateWindowSeconds = 3600, int AddEverySeconds = 0, int Add = 1, int MaxPageSize = 10000)
    {
        /// <summary>Called with the base URL once the simulator listens.</summary>
        public Action<Uri>? Started { get; init; }
    }

    public static async Task<int> RunAsync(Settings settings, CliContext context, CancellationToken cancellationToken)
    {
        if (settings.Handbook is null && settings.Snapshot is null) throw new UsageException("give --handbook (to generate an instance) or --snapshot (to serve one), or both");
        if (settings.RateLimit is < 1) throw new UsageException("--rate-limit must be at least 1");
        if (settings.RateWindowSeconds < 1) throw new UsageException("--rate-window must be at least 1 second");
        if (settings.AddEverySeconds < 0 || settings.Add is < 0 or > 10000) throw new UsageException("--add-every must not be negative and --add must be 0 to 10000");
        if (settings.MaxPageSize is < 1 or > 100000) throw new UsageException("--max-page-size must be between 1 and 100000");
        Plumb.Handbook.Model.Handbook? book = null;
        if (settings.Handbook is not null)
        {
            (book, _) = HandbookLoader.Open(settings.Handbook, context);
            if (book is null) return ExitCodes.BadInput;
        }

        var now = context.Time.GetUtcNow().UtcDateTime;
        var instance = Load(settings, book, now);
        var signIn = Credentials(settings.Credentials, context);
        var options = new SimulatorOptions
        {
            User = signIn.User, Password = signIn.Password, ClientId = signIn.ClientId, ClientSecret = signIn.ClientSecret,
            RateLimit = settings.RateLimit, RateWindow = TimeSpan.FromSeconds(settings.RateWindowSeconds), MaxPageSize = settings.MaxPageSize,
        };
        var feed = book is null ? null : new TicketFeed(instance, book, settings.Generator.Seed);
        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(instance, options, settings.Urls, feed, context.Time, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--urls: {e.Message}");
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"cannot listen on {settings.Urls}: {e.Message}");
        }

        await using (server)
        {
            await context.Out.WriteLineAsync($"A simulated ServiceNow instance is serving at {server.BaseUrl} " +
                $"({string.Join(", ", instance.Tables.Select(t => $"{t} {instance.Count(t)}"))}).");
            await context.Out.WriteLineAsync($"Sign in with {settings.Credentials}: plumb snow pull --instance {server.BaseUrl} --credentials {settings.Credentials} -o DIR");
            if (feed is not null) await context.Out.WriteLineAsync($"New tickets: POST {server.BaseUrl}{SimulatorServer.FeedPath}?open=N" +
                (settings.AddEverySeconds > 0 ? $", and {settings.Add} per table every {settings.AddEverySeconds} s" : ""));
            await context.Out.WriteLineAsync("Press Ctrl+C to stop.");
            settings.Started?.Invoke(server.BaseUrl);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
            try
            {
                if (feed is not null && settings.AddEverySeconds > 0)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.AddEverySeconds), context.Time);
                    while (await timer.WaitForNextTickAsync(stop.Token))
                    {
                        var step = feed.Advance(settings.Add, context.Time.GetUtcNow().UtcDateTime);
                        await context.Error.WriteLineAsync($"tickets: {step.Opened} opened, {step.Advanced} moved on, {step.Closed} closed, {step.Audits} audit row(s); {feed.OpenTickets} open");
                    }
                }
                else
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        await context.Error.WriteLineAsync($"plumb: simulator stopped after {server.Requests} request(s), {server.RateLimited} refused by the rate limit");
        return ExitCodes.Ok;
    }

    // A snapshot folder as given, or one generated for the handbook whose history ends before now (so new tickets come after it).
    private static SimulatedInstance Load(Settings settings, Plumb.Handbook.Model.Handbook? book, DateTime now)
    {
        if (settings.Snapshot is not null)
        {
            try
            {
                return SimulatedInstance.FromSnapshot(settings.Snapshot);
            }
            catch (IOException e)
            {
                throw new UsageException($"--snapshot: {e.Message}");
            }
        }

        // Tickets open 20 to 480 minutes apart and each step takes at most 10 hours: start early enough to end in the past.
        var span = TimeSpan.FromMinutes(480.0 * settings.Generator.TicketsPerTable) + TimeSpan.FromHours(10 * 12);
        var start = new DateTime((now - span).Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        // Generated in memory (compact rows), so --tickets 50000 serves a history of a million audit rows without a folder of pages.
        return SimulatedInstance.Generate(book!, settings.Generator with { Start = start });
    }

    // The credentials file as given, or a new one with random secrets, readable by its owner only.
    private static SnowCredentials Credentials(string file, CliContext context)
    {
        try
        {
            if (!File.Exists(file))
            {
                static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var writer = new StreamWriter(file, options))
                {
                    writer.WriteLine("# Credentials of a simulated ServiceNow instance (plumb snow simulate)");
                    writer.WriteLine("user=plumb.simulator");
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"password={Secret()}"));
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client_id={Secret()}"));
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client_secret={Secret()}"));
                }

                context.Error.WriteLine($"wrote new credentials to {file} (mode 600)");
            }

            return SnowCredentials.FromFile(file);
        }
        catch (SnowException e)
        {
            throw new UsageException($"--credentials: {e.Message}");
        }
    }
}
