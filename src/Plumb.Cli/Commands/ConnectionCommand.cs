namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Server.Storage;
using Plumb.Server.Sync;
using Plumb.ServiceNow.TableApi;

/// <summary><c>plumb connection</c>: the ServiceNow connections the server syncs from (works on the store directly).</summary>
public static class ConnectionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("connection", "Manage the ServiceNow connections the server syncs from (works on the store directly).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Sync(context));
        return command;
    }

    // With --server the running server syncs (in the background, as its Sync now button does); without, this command syncs the store itself.
    private static Command Sync(CliContext context)
    {
        var (db, name) = (ServeCommand.DatabaseOption(), NameArgument());
        var server = new Option<string?>("--server", "-s") { Description = "A running Plumb server to ask for the sync (admin token); without it the store is synced here." };
        var token = PushCommand.TokenOption();
        var command = new Command("sync",
            "Sync a connection now: configuration whole, then the records and audit rows changed since the last sync. Exit 1 when the sync fails.")
        {
            name, server, token, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var connection = parse.GetValue(name)!;
            if (parse.GetValue(server) is { } url)
            {
                using var client = new ServerClient(url, parse.GetValue(token));
                var (started, status, problem) = await client.StartSyncAsync(connection, ct);
                if (started is null) throw new UsageException($"{url} answered {(int)status}: {problem}");

                await context.Out.WriteLineAsync($"Sync {started.Number} of '{connection}' started on {url}; follow it with GET /api/connections/{connection}/syncs or on {ConnectionsPage.Path}.");
                return ExitCodes.Ok;
            }

            var result = ExitCodes.Ok;
            await WithStoreAsync(parse.GetValue(db), async (store, connections) =>
            {
                var sync = new SyncService((IConnectionStore)store, connections, (ITicketHistoryStore)store, new SyncedTicketData((IConnectionStore)store, (ITicketHistoryStore)store,
                        new Plumb.Server.Handbooks.HandbookService(store, TimeProvider.System)),
                    new Plumb.Server.History.TicketDataSignal(), new SyncOptions { Scheduled = false }, TimeProvider.System,
                    new ProgressLogger<SyncService>(context.Error));
                var (outcome, run) = await sync.RunAsync(connection, ct);
                if (outcome == SyncStartOutcome.NotFound) throw new UsageException($"no connection '{connection}'");
                if (outcome == SyncStartOutcome.Busy) throw new UsageException($"a sync of '{connection}' is running already");
                if (run!.State == SyncState.Complete)
                {
                    await context.Out.WriteLineAsync($"Sync {run.Number} of '{connection}' complete: {run.RecordsAdded:N0} record(s) and {run.AuditRowsAdded:N0} audit row(s) pulled; " +
                        $"{run.Records:N0} records, {run.AuditRows:N0} audit rows, {run.Events:N0} events in all.");
                }
                else
                {
                    await context.Error.WriteLineAsync($"plumb: sync {run.Number} of '{connection}' failed: {run.Error}");
                    result = ExitCodes.Found;
                }
            }, ct);
            return result;
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var (db, name) = (ServeCommand.DatabaseOption(), NameArgument());
        var instance = SnowCommand.Instance();
        var credentials = SnowCommand.Credentials();
        var schedule = new Option<int>("--schedule")
        {
            Description = "Minutes between scheduled syncs (0: on demand only).", DefaultValueFactory = _ => ConnectionService.DefaultScheduleMinutes,
        };
        var command = new Command("add",
            "Add a connection: the instance URL and its sign-in (basic auth, or OAuth client credentials), read from --credentials or the " +
            "PLUMB_SNOW_* variables. The password and client secret are stored encrypted and never shown again.") { name, instance, credentials, schedule, db };
        command.SetAction((parse, ct) => WithConnectionsAsync(parse.GetValue(db), async connections =>
        {
            SnowCredentials signIn;
            try
            {
                signIn = SnowCredentials.Resolve(SnowCommand.Environment, parse.GetValue(credentials));
            }
            catch (SnowException e)
            {
                throw new UsageException(e.Message);
            }

            var added = await connections.AddAsync(parse.GetValue(name)!, parse.GetValue(instance)!, signIn, parse.GetValue(schedule), "plumb connection", ct);
            await context.Out.WriteLineAsync($"Added connection '{added.Name}' to {added.Instance} ({signIn}); " +
                (added.ScheduleMinutes == 0 ? "synced on demand." : $"synced every {added.ScheduleMinutes} minute(s)."));
        }, ct));
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = ServeCommand.DatabaseOption();
        var command = new Command("list", "List the connections (never their secrets).") { db };
        command.SetAction((parse, ct) => WithConnectionsAsync(parse.GetValue(db), async connections =>
        {
            foreach (var c in await connections.ListAsync(ct))
            {
                var who = c.Auth == ConnectionAuth.OAuth ? $"oauth client {c.ClientId}{(c.User is null ? "" : $" as {c.User}")}" : $"basic {c.User}";
                await context.Out.WriteLineAsync($"{c.Name}\t{c.Instance}\t{who}\t{(c.ScheduleMinutes == 0 ? "on demand" : $"every {c.ScheduleMinutes} min")}");
            }
        }, ct));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var (db, name) = (ServeCommand.DatabaseOption(), NameArgument());
        var command = new Command("remove", "Remove a connection.") { name, db };
        command.SetAction((parse, ct) => WithConnectionsAsync(parse.GetValue(db), async connections =>
        {
            if (!await connections.RemoveAsync(parse.GetValue(name)!, "plumb connection", ct)) throw new UsageException($"no connection '{parse.GetValue(name)}'");
            await context.Out.WriteLineAsync($"Removed connection '{parse.GetValue(name)}'.");
        }, ct));
        return command;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "The connection's name, e.g. prod." };

    private static Task<int> WithConnectionsAsync(string? db, Func<ConnectionService, Task> action, CancellationToken cancellationToken) =>
        WithStoreAsync(db, (_, connections) => action(connections), cancellationToken);

    private static async Task<int> WithStoreAsync(string? db, Func<IPlumbStore, ConnectionService, Task> action, CancellationToken cancellationToken)
    {
        var store = StoreFactory.Create(db);
        try
        {
            await store.MigrateAsync(cancellationToken);
            await action(store, new ConnectionService((IConnectionStore)store, store, ConnectionService.ProviderFor(store), TimeProvider.System));
            return ExitCodes.Ok;
        }
        catch (ConnectionException e)
        {
            throw new UsageException(e.Message);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new UsageException($"cannot open the store: {e.Message}");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
