namespace Plumb.Cli;

using System.CommandLine;
using Plumb.Cli.Commands;

/// <summary>Builds the <c>plumb</c> root command and runs it with the exit-code policy of the product.</summary>
public static class PlumbCli
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Plumb keeps IT service-management processes in plumb: documented, configured and practised.");
        foreach (var command in Commands(context)) root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        try
        {
            var root = CreateRoot(context);
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

    // One line per command; each command lives in its own file under Commands/.
    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        InitCommand.Create(context),
        CheckCommand.Create(context),
        ShowCommand.Create(context),
        GapCommand.Create(context),
        ReviewCommand.Create(context),
        DiffCommand.Create(context),
        FindingsCommand.Create(context),
        ServeCommand.Create(context),
        PushCommand.Create(context),
        PullCommand.Create(context),
        UserCommand.Create(context),
        ConnectionCommand.Create(context),
        PublishCommand.Create(context),
        DriftCommand.Create(context),
        SnowCommand.Create(context),
        LogCommand.Create(context),
        DiscoverCommand.Create(context),
        ConformCommand.Create(context),
        KpiCommand.Create(context),
        AnalyzeCommand.Create(context),
        MapCommand.Create(context),
        GenerateCommand.Create(context),
        DemoCommand.Create(context),
        ModelCommand.Create(context),
        ImportCommand.Create(context),
        ExportCommand.Create(context),
    ];
}
