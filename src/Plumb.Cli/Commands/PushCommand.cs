namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Net;
using Plumb.Handbook.Folder;

public static class PushCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory("The handbook folder to send.");
        var server = ServerOption();
        var token = TokenOption();
        var message = new Option<string>("--message", "-m") { Description = "Why it changed; kept with the new version.", DefaultValueFactory = _ => "Pushed from a handbook folder" };
        var command = new Command("push", "Send a handbook folder to a Plumb server as a new version (exit 2 when the server refuses it).")
        {
            directory, server, token, message,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(directory)!, parse.GetValue(server)!, parse.GetValue(token),
            parse.GetValue(message)!, context, cancellationToken));
        return command;
    }

    internal static Option<string> ServerOption() => new("--server", "-s")
    {
        Description = "The Plumb server, e.g. http://127.0.0.1:5000.",
        Required = true,
    };

    internal static Option<string?> TokenOption() => new("--token")
    {
        Description = "An API token (default: the PLUMB_TOKEN environment variable).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PLUMB_TOKEN"),
    };

    private static async Task<int> RunAsync(string directory, string server, string? token, string message, CliContext context, CancellationToken cancellationToken)
    {
        var (handbook, _) = HandbookLoader.Open(directory, context);
        if (handbook is null) return ExitCodes.BadInput;
        var documents = HandbookFolder.ReadDocuments(directory);
        using var client = new ServerClient(server, token);
        var current = await client.GetDocumentsAsync(null, cancellationToken);
        if (current.Documents.Count == documents.Count && current.Documents.All(d => documents.TryGetValue(d.Path, out var text) && text == d.Content))
        {
            await context.Out.WriteLineAsync($"Nothing to push: {server} already has this handbook (version {current.Version}).");
            return ExitCodes.Ok;
        }

        // Push replaces the server's handbook with the folder on top of the head it just read; a save in between is a conflict,
        // and the versions before stay in the history.
        var (saved, status, problem) = await client.PutDocumentsAsync(current.Version, documents, message, cancellationToken);
        if (saved is not null)
        {
            await context.Out.WriteLineAsync($"Pushed {documents.Count} document(s) to {server} as version {saved.Number}.");
            return ExitCodes.Ok;
        }

        if (status == HttpStatusCode.Conflict)
        {
            await context.Error.WriteLineAsync($"plumb: someone saved to {server} while pushing; nothing was overwritten. Push again.");
            return ExitCodes.Found;
        }

        if (problem?["errors"] is System.Text.Json.Nodes.JsonArray errors && errors.Count > 0)
        {
            foreach (var e in errors)
            {
                var at = e?["line"] is { } line ? $":{line}:{e["column"]}" : "";
                await context.Error.WriteLineAsync($"{Path.Combine(directory, (string?)e?["document"] ?? "")}{at}: {e?["severity"]} {e?["code"]}: {e?["message"]}");
            }
        }
        else
        {
            await context.Error.WriteLineAsync($"plumb: {server} refused the handbook ({(int)status}): {problem?["detail"] ?? problem?["title"]}");
        }

        return ExitCodes.BadInput;
    }
}
