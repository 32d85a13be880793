namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text;
using System.Text.Json;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.Handbook.Review;
using Plumb.Handbook.Yaml;

public static class FindingsCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var status = new Option<string?>("--status", "-s") { Description = "Only findings with this status: open, planned, done or rejected." };
        status.AcceptOnlyFromAmong([.. Words.FindingStatuses.Select(w => w.Item1)]);
        var process = new Option<string?>("--process", "-p") { Description = "Only findings of this process id.", HelpName = "ID" };
        var done = new Option<string?>("--done")
        {
            HelpName = "FINDING_ID",
            Description = "Mark the planned update of this finding id done: the process version moves on and its change log records it.",
        };
        var note = new Option<string?>("--note") { HelpName = "TEXT", Description = "With --done: what was changed, for the change log (default: the planned update)." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("findings", "List the findings of a handbook and their planned updates, or mark a planned update done.")
        {
            directory, status, process, done, note, format,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var (handbook, _) = HandbookLoader.Open(dir, context);
            if (handbook is null) return ExitCodes.BadInput;
            if (parse.GetValue(done) is { } id) return MarkDone(dir, handbook, id, parse.GetValue(note), context);
            return List(handbook, parse.GetValue(status), parse.GetValue(process), parse.GetValue(format)!, context);
        });
        return command;
    }

    private static int List(Handbook handbook, string? status, string? process, string format, CliContext context)
    {
        if (process is not null && handbook.FindProcess(process) is null)
        {
            var near = Suggest.Closest(process, handbook.Processes.Select(p => p.Id));
            throw new UsageException($"--process {process}: no such process in the handbook{(near is null ? "" : $" (did you mean '{near}'?)")}");
        }

        var sites = FindingSite.All(handbook)
            .Where(s => status is null || Words.Of(Words.FindingStatuses, s.Finding.Status) == status)
            .Where(s => process is null || s.Process.Id == process)
            .ToList();
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(sites.Select(s => new
            {
                id = s.Finding.Id,
                process = s.Process.Id,
                procedure = s.Procedure?.Id,
                step = s.Step?.Id,
                location = s.Location,
                text = s.Finding.Text,
                severity = Words.Of(Words.FindingSeverities, s.Finding.Severity),
                plannedUpdate = s.Finding.PlannedUpdate,
                owner = s.Finding.Owner,
                status = Words.Of(Words.FindingStatuses, s.Finding.Status),
            }), JsonOutput.Options));
            return ExitCodes.Ok;
        }

        if (sites.Count == 0)
        {
            context.Out.WriteLine("No findings match.");
            return ExitCodes.Ok;
        }

        var table = new TextTable("ID", "STATUS", "SEVERITY", "WHERE", "FINDING", "PLANNED UPDATE", "OWNER");
        foreach (var s in sites)
        {
            table.Add(s.Finding.Id, Words.Of(Words.FindingStatuses, s.Finding.Status), Words.Of(Words.FindingSeverities, s.Finding.Severity),
                s.Location, s.Finding.Text, s.Finding.PlannedUpdate ?? "-", s.Finding.Owner ?? "-");
        }

        table.Write(context.Out);
        context.Out.WriteLine();
        context.Out.WriteLine($"{sites.Count} finding(s).");
        return ExitCodes.Ok;
    }

    private static int MarkDone(string directory, Handbook handbook, string id, string? note, CliContext context)
    {
        var today = context.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = PlannedUpdates.MarkDone(handbook, id, today, note);
        if (!result.Succeeded) throw new UsageException(result.Error!);

        // Only the process that changed is rewritten; the other files stay as their authors left them.
        var process = result.Site!.Process;
        var path = ContainedPath.Resolve(directory, HandbookFolder.ProcessDocument(process.Id));
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, HandbookYamlWriter.ProcessToString(process), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);

        context.Out.WriteLine($"Finding {id} done: {process.Name} moves from version {result.PreviousVersion} to {process.Version}.");
        context.Out.WriteLine($"Change log {result.Entry!.Version} ({today}): {result.Entry.Text}");
        return ExitCodes.Ok;
    }
}
