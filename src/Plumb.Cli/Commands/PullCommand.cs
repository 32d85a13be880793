namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Folder;

public static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var server = PushCommand.ServerOption();
        var token = PushCommand.TokenOption();
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the handbook into.", Required = true };
        var version = new Option<long?>("--version") { Description = "A version number (default: the newest)." };
        var command = new Command("pull", "Fetch a handbook from a Plumb server into a folder, exactly as it was pushed.") { server, token, output, version };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, parse.GetValue(token), parse.GetValue(output)!,
            parse.GetValue(version), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string server, string? token, string directory, long? version, CliContext context, CancellationToken cancellationToken)
    {
        if (File.Exists(directory)) throw new UsageException($"'{directory}' is a file; choose a folder");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any()
            && !File.Exists(Path.Combine(directory, HandbookFolder.HandbookFile)))
        {
            throw new UsageException($"'{directory}' is not empty and holds no handbook; choose an empty folder or a handbook folder");
        }

        using var client = new ServerClient(server, token);
        var pulled = await client.GetDocumentsAsync(version, cancellationToken);
        if (pulled.Documents.Count == 0) throw new UsageException($"{server} holds no handbook yet; push one first");
        HandbookFolder.WriteDocuments(pulled.Documents.ToDictionary(d => d.Path, d => d.Content, StringComparer.Ordinal), directory);
        await context.Out.WriteLineAsync($"Pulled version {pulled.Version} ({pulled.Documents.Count} document(s)) into {directory}.");
        return ExitCodes.Ok;
    }
}
