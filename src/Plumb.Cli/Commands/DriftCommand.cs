namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;

public static class DriftCommand
{
    public static Command Create(CliContext context)
    {
        var handbook = new Option<string>("--handbook") { Description = "The handbook folder (holds handbook.yaml).", Required = true };
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "A snapshot folder written by 'plumb snow pull', or Table API JSON / XML unload exports (a folder of them, or one file).",
            Required = true,
        };
        var format = CommonOptions.Format("text", "json", "md");
        var command = new Command("drift",
            "Compare the handbook with the ServiceNow configuration: states and choices, tables and fields, groups, SLA durations, " +
            "KPI fields. Exit 0 no drift, 1 drift found, 2 unreadable input.")
        {
            handbook, snapshot, format,
        };
        command.SetAction(parse => Run(parse.GetValue(handbook)!, parse.GetValue(snapshot)!, parse.GetValue(format)!, context));
        return command;
    }

    public static int Run(string handbookDirectory, string snapshotPath, string format, CliContext context)
    {
        var (handbook, load) = HandbookLoader.Open(handbookDirectory, context);
        if (handbook is null) return ExitCodes.BadInput;
        var snapshot = SnapshotFolder.Load(snapshotPath);
        foreach (var error in snapshot.Errors) context.Error.WriteLine(Path.Combine(Directory.Exists(snapshotPath) ? snapshotPath : "", error.ToString()));
        if (!snapshot.Succeeded) return ExitCodes.BadInput;

        var report = DriftChecker.Check(handbook, snapshot.Snapshot!);
        var located = report.Items.Select(i => (Item: i, At: Locate(load, i))).ToList();
        switch (format)
        {
            case "json":
                WriteJson(context.Out, handbookDirectory, snapshotPath, snapshot.Snapshot!, located);
                break;
            case "md":
                DriftMarkdown.Write(context.Out, handbookDirectory, snapshotPath, snapshot.Snapshot!, located);
                break;
            default:
                WriteText(context.Out, handbookDirectory, located);
                break;
        }

        return report.HasDrift ? ExitCodes.Found : ExitCodes.Ok;
    }

    private static SourceLocation? Locate(HandbookLoad load, DriftItem item) =>
        item.Document is null || item.Path is null
            ? null
            : load.Locate(new Diagnostic(item.Code, Severity.Warning, item.Message, item.Document, item.Path)).At;

    private static string Where(string root, DriftItem item, SourceLocation? at) =>
        item.Document is null ? "instance" : at is { } a ? $"{Path.Combine(root, item.Document)}:{a.Line}:{a.Column}" : Path.Combine(root, item.Document);

    private static void WriteText(TextWriter output, string root, List<(DriftItem Item, SourceLocation? At)> items)
    {
        foreach (var (item, at) in items.Where(i => !i.Item.IsNote))
        {
            output.WriteLine($"{Where(root, item, at)}: {item.Code} {item.Kind}: {item.Message}");
            output.WriteLine($"    change {Side(item.Change)}: {item.Fix}");
        }

        foreach (var (item, _) in items.Where(i => i.Item.IsNote)) output.WriteLine($"note: {item.Message}");
        var drift = items.Where(i => !i.Item.IsNote).ToList();
        if (items.Count > 0) output.WriteLine();
        output.WriteLine(drift.Count == 0
            ? "No drift: the handbook and the instance agree."
            : $"{drift.Count} drift item(s): " + string.Join(", ", drift.GroupBy(d => d.Item.Kind).Select(g => $"{g.Count()} {g.Key}")) + ".");
    }

    internal static string Side(DriftSide side) => side switch
    {
        DriftSide.Handbook => "the handbook",
        DriftSide.Instance => "the instance",
        _ => "the instance or the handbook",
    };

    private static void WriteJson(TextWriter output, string root, string snapshotPath, ConfigurationSnapshot snapshot,
        List<(DriftItem Item, SourceLocation? At)> items)
    {
        var document = new
        {
            handbook = root,
            snapshot = snapshotPath,
            instance = snapshot.Instance,
            summary = new
            {
                drift = items.Count(i => !i.Item.IsNote),
                notes = items.Count(i => i.Item.IsNote),
                kinds = items.Where(i => !i.Item.IsNote).GroupBy(i => i.Item.Kind).ToDictionary(g => g.Key, g => g.Count()),
            },
            items = items.Select(i => new
            {
                code = i.Item.Code,
                kind = i.Item.Kind,
                note = i.Item.IsNote,
                subject = i.Item.Subject,
                message = i.Item.Message,
                change = i.Item.Change.ToString().ToLowerInvariant(),
                fix = i.Item.Fix,
                file = i.Item.Document,
                line = i.At?.Line,
                column = i.At?.Column,
                path = i.Item.Path,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, JsonOutput.Options));
    }
}
