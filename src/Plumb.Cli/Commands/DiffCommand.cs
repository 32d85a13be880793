namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Diff;

public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var before = new Argument<string>("OLD_DIR") { Description = "The older version of the handbook folder." };
        var after = new Argument<string>("NEW_DIR") { Description = "The newer version of the handbook folder." };
        var format = CommonOptions.Format("text", "json", "md");
        var command = new Command("diff",
            "Show what changed between two versions of a handbook, in domain words. Exit 0 no changes, 1 changes, 2 unreadable input.")
        {
            before, after, format,
        };
        command.SetAction(parse => Run(parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(format)!, context));
        return command;
    }

    public static int Run(string oldDirectory, string newDirectory, string format, CliContext context)
    {
        var (old, _) = HandbookLoader.Open(oldDirectory, context);
        var (@new, _) = HandbookLoader.Open(newDirectory, context);
        if (old is null || @new is null) return ExitCodes.BadInput;

        var changes = HandbookDiff.Compare(old, @new);
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    old = oldDirectory,
                    @new = newDirectory,
                    changes = changes.Select(c => new
                    {
                        kind = HandbookDiff.Word(c.Kind),
                        path = c.Path,
                        location = c.Location,
                        field = c.Field,
                        before = c.Before,
                        after = c.After,
                        message = c.Message,
                    }),
                }, JsonOutput.Options));
                break;
            case "md":
                context.Out.Write(DiffMarkdown.Render(changes, $"Changes from {oldDirectory} to {newDirectory}"));
                break;
            default:
                foreach (var change in changes) context.Out.WriteLine($"{HandbookDiff.Word(change.Kind),-9} {change.Message}");
                if (changes.Count > 0) context.Out.WriteLine();
                context.Out.WriteLine(changes.Count == 0 ? "No changes." : $"{changes.Count} change(s).");
                break;
        }

        return changes.Count == 0 ? ExitCodes.Ok : ExitCodes.Found;
    }
}
