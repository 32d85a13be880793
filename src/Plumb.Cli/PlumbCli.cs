namespace Plumb.Cli;

using System.CommandLine;
using Plumb.Cli.Commands;

/// <summary>Builds the <c>plumb</c> root command and runs it with the exit-code policy of the product.</summary>
public static class PlumbCli
{
    /// <summary>The whole command tree, every command and its options.</summary>
    public static RootCommand CreateRoot(CliContext context) => CreateRoot(context, null);

    /// <summary>
    /// The root with only the command named (all of them for null or a name that is none of them). A run that names a
    /// command builds that command alone: its help, errors and action are those of the whole tree, as no command reads its
    /// siblings, and it does not construct the other commands' hundreds of options each time.
    /// </summary>
    internal static RootCommand CreateRoot(CliContext context, string? commandName)
    {
        var root = new RootCommand("Plumb keeps IT service-management processes in plumb: documented, configured and practised.");
        var named = Array.Exists(Commands, c => c.Name == commandName);
        foreach (var (name, create) in Commands)
        {
            if (!named || name == commandName) root.Subcommands.Add(create(context));
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        try
        {
            var root = CreateRoot(context, args.Length > 0 ? args[0] : null);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) await context.Error.WriteLineAsync($"plumb: {error.Message}");
                await context.Error.WriteLineAsync("Run 'plumb --help' for usage.");
                return ExitCodes.BadInput;
            }

            // The default handler would print a stack trace and exit 1; our catch blocks below keep the exit-code policy.
            var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, context.CancellationToken);
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"plumb: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException e)
        {
            // Data that cannot be used as it is (an id that would lead a file outside its folder, a server's bad answer): bad input.
            await context.Error.WriteLineAsync($"plumb: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("plumb: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            // Never a stack trace at a user; the message and the type are enough to report it.
            await context.Error.WriteLineAsync($"plumb: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Internal;
        }
    }

    // One line per command, in the order help lists them; each command lives in its own file under Commands/, and its name
    // here is the one it gives itself (a test holds them equal).
    internal static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("init", InitCommand.Create),
        ("check", CheckCommand.Create),
        ("show", ShowCommand.Create),
        ("gap", GapCommand.Create),
        ("review", ReviewCommand.Create),
        ("diff", DiffCommand.Create),
        ("findings", FindingsCommand.Create),
        ("serve", ServeCommand.Create),
        ("push", PushCommand.Create),
        ("pull", PullCommand.Create),
        ("user", UserCommand.Create),
        ("connection", ConnectionCommand.Create),
        ("publish", PublishCommand.Create),
        ("drift", DriftCommand.Create),
        ("snow", SnowCommand.Create),
        ("log", LogCommand.Create),
        ("discover", DiscoverCommand.Create),
        ("conform", ConformCommand.Create),
        ("kpi", KpiCommand.Create),
        ("analyze", AnalyzeCommand.Create),
        ("map", MapCommand.Create),
        ("generate", GenerateCommand.Create),
        ("demo", DemoCommand.Create),
        ("model", ModelCommand.Create),
        ("import", ImportCommand.Create),
        ("export", ExportCommand.Create),
    ];
}
