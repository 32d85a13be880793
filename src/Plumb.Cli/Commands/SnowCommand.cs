namespace Plumb.Cli.Commands;

using System.CommandLine;

/// <summary><c>plumb snow</c>: work with a ServiceNow instance (pull a snapshot, embed the handbook, push it, generate a demo snapshot).</summary>
public static class SnowCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("snow", "Work with a ServiceNow instance: pull its configuration and ticket history, put the handbook inside it.");
        command.Subcommands.Add(SnowPullCommand.Create(context));
        command.Subcommands.Add(SnowEmbedCommand.Create(context));
        command.Subcommands.Add(SnowPushCommand.Create(context));
        command.Subcommands.Add(SnowGenerateCommand.Create(context));
        command.Subcommands.Add(SnowSimulateCommand.Create(context));
        return command;
    }

    /// <summary>The --instance option shared by pull and push.</summary>
    public static Option<string> Instance() => new("--instance")
    {
        Description = "The instance base URL, e.g. https://acme.service-now.com (https; plain http only on loopback).",
        Required = true,
    };

    /// <summary>The --credentials option shared by pull and push.</summary>
    public static Option<string?> Credentials() => new("--credentials")
    {
        Description = "A file of key=value lines (user, password, or client_id, client_secret for OAuth) readable only by you (chmod 600). " +
            "Without it: PLUMB_SNOW_USER and PLUMB_SNOW_PASSWORD, or PLUMB_SNOW_CLIENT_ID and PLUMB_SNOW_CLIENT_SECRET.",
    };

    /// <summary>Reads the process environment; kept in one place so the commands never log what they read.</summary>
    public static string? Environment(string name) => System.Environment.GetEnvironmentVariable(name);
}
