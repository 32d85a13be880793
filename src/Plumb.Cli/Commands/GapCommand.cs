namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Gap;

public static class GapCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var baseline = BaselineOption.Create("all", allowNone: false);
        baseline.Description = "The baseline to compare with: " + baseline.Description;
        var format = CommonOptions.Format("text", "json", "md");
        var command = new Command("gap",
            "Compare a handbook with the good-practice baseline: what it lacks, adds, renames, moves or does differently. " +
            "Exit 0 no gaps, 1 gaps found, 2 unreadable input.")
        {
            directory, baseline, format,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(baseline)!, parse.GetValue(format)!, context));
        return command;
    }

    public static int Run(string directory, string baselineSelection, string format, CliContext context)
    {
        if (baselineSelection.Trim() == "none") throw new UsageException("--baseline none: choose 'all' or practice ids to compare with");
        var baseline = BaselineOption.Load(baselineSelection)!;
        var (handbook, _) = HandbookLoader.Open(directory, context);
        if (handbook is null) return ExitCodes.BadInput;

        var report = GapAnalysis.Compare(baseline, handbook);
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    handbook = directory,
                    baseline = baseline.Processes.Select(p => p.Id),
                    summary = Enum.GetValues<GapKind>().ToDictionary(GapWords.Of, report.Count),
                    gaps = report.Items.Select(i => new
                    {
                        kind = GapWords.Of(i.Kind),
                        element = GapWords.Of(i.Element),
                        path = i.Path,
                        location = i.Location,
                        baseline = i.Baseline,
                        handbook = i.Handbook,
                        message = i.Message,
                    }),
                }, JsonOutput.Options));
                break;
            case "md":
                context.Out.Write(GapMarkdown.Render(report, $"Gap of {handbook.Name} against the baseline"));
                break;
            default:
                WriteText(context.Out, directory, report, baseline.Processes.Count);
                break;
        }

        return report.IsEmpty ? ExitCodes.Ok : ExitCodes.Found;
    }

    private static void WriteText(TextWriter output, string directory, GapReport report, int practices)
    {
        foreach (var kind in Enum.GetValues<GapKind>())
        {
            var items = report.Items.Where(i => i.Kind == kind).ToList();
            if (items.Count == 0) continue;
            output.WriteLine($"{GapWords.Of(kind).ToUpperInvariant()} ({items.Count})");
            foreach (var item in items) output.WriteLine($"  {GapWords.Of(item.Element),-10} {item.Message}");
            output.WriteLine();
        }

        output.WriteLine(report.IsEmpty
            ? $"{directory}: no gaps against {practices} baseline practice(s)."
            : $"{directory} against {practices} baseline practice(s): {GapWords.Summary(report)}.");
    }
}
