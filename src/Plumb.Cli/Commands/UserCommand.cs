namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Security.Cryptography;
using Plumb.Server.Accounts;
using Plumb.Server.Storage;

public static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("user", "Manage the server's local accounts and API tokens (works on the store directly, e.g. to make the first admin).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(SetRole(context));
        command.Subcommands.Add(Password(context));
        command.Subcommands.Add(Token(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var (db, name) = (ServeCommand.DatabaseOption(), NameArgument());
        var role = RoleOption();
        var passwordStdin = PasswordStdinOption();
        var command = new Command("add", "Create an account; without --password-stdin a strong password is made and shown once.") { name, role, passwordStdin, db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db), async (store, accounts) =>
        {
            var (password, generated) = ReadPassword(parse.GetValue(passwordStdin));
            var user = await accounts.CreateUserAsync(parse.GetValue(name)!, password, ParseRole(parse.GetValue(role)!), "plumb user", ct);
            await context.Out.WriteLineAsync($"Created {SqlStore.RoleWord(user.Role)} '{user.Name}' in {store.Description}.");
            if (generated) await context.Out.WriteLineAsync($"Password (shown once): {password}");
        }, ct));
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = ServeCommand.DatabaseOption();
        var command = new Command("list", "List the accounts.") { db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db), async (store, _) =>
        {
            foreach (var user in await store.ListUsersAsync(ct))
            {
                await context.Out.WriteLineAsync($"{user.Name}\t{SqlStore.RoleWord(user.Role)}\t{user.CreatedAt:yyyy-MM-dd}");
            }
        }, ct));
        return command;
    }

    private static Command SetRole(CliContext context)
    {
        var (db, name, role) = (ServeCommand.DatabaseOption(), NameArgument(), RoleOption());
        var command = new Command("set-role", "Change an account's role.") { name, role, db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db), async (_, accounts) =>
        {
            await accounts.SetRoleAsync(parse.GetValue(name)!, ParseRole(parse.GetValue(role)!), "plumb user", ct);
            await context.Out.WriteLineAsync($"'{parse.GetValue(name)}' is now {parse.GetValue(role)}.");
        }, ct));
        return command;
    }

    private static Command Password(CliContext context)
    {
        var (db, name, passwordStdin) = (ServeCommand.DatabaseOption(), NameArgument(), PasswordStdinOption());
        var command = new Command("passwd", "Set an account's password; without --password-stdin a strong one is made and shown once.") { name, passwordStdin, db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db), async (_, accounts) =>
        {
            var (password, generated) = ReadPassword(parse.GetValue(passwordStdin));
            await accounts.SetPasswordAsync(parse.GetValue(name)!, password, "plumb user", ct);
            await context.Out.WriteLineAsync(generated ? $"New password for '{parse.GetValue(name)}' (shown once): {password}" : "Password changed.");
        }, ct));
        return command;
    }

    private static Command Token(CliContext context)
    {
        var (db, name) = (ServeCommand.DatabaseOption(), NameArgument());
        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "cli" };
        var command = new Command("token", "Make an API token for an account and print it (shown once).") { name, label, db };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(db), async (store, accounts) =>
        {
            var user = await store.FindUserAsync(AccountService.NormaliseName(parse.GetValue(name)!), ct)
                ?? throw new UsageException($"there is no user '{parse.GetValue(name)}'");
            var (_, secret) = await accounts.CreateTokenAsync(user, parse.GetValue(label)!, ct);
            await context.Out.WriteLineAsync(secret);
        }, ct));
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The user name." };

    private static Option<string> RoleOption()
    {
        var option = new Option<string>("--role") { Description = "reader, editor, owner or admin.", DefaultValueFactory = _ => "reader" };
        option.AcceptOnlyFromAmong("reader", "editor", "owner", "admin");
        return option;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin") { Description = "Read the password from the first line of standard input." };

    private static AccountRole ParseRole(string word) => SqlStore.ParseRole(word) ?? throw new UsageException($"unknown role '{word}'");

    private static (string Password, bool Generated) ReadPassword(bool fromStdin)
    {
        if (!fromStdin) return (Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_'), true);
        var line = Console.In.ReadLine() ?? throw new UsageException("--password-stdin: standard input is empty");
        return (line, false);
    }

    private static async Task<int> WithStoreAsync(string? db, Func<IPlumbStore, AccountService, Task> action, CancellationToken cancellationToken)
    {
        var store = StoreFactory.Create(db);
        try
        {
            await store.MigrateAsync(cancellationToken);
            await action(store, new AccountService(store, TimeProvider.System));
            return ExitCodes.Ok;
        }
        catch (AccountException e)
        {
            throw new UsageException(e.Message);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
