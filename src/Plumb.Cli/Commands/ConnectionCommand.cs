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

    private static async Task<int> WithConnectionsAsync(string? db, Func<ConnectionService, Task> action, CancellationToken cancellationToken)
    {
        var store = StoreFactory.Create(db);
        try
        {
            await store.MigrateAsync(cancellationToken);
            await action(new ConnectionService((IConnectionStore)store, store, ConnectionService.ProviderFor(store), TimeProvider.System));
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
