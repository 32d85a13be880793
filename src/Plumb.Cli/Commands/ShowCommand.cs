namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var process = new Argument<string?>("PROCESS") { Description = "A process id to show in full; without it, the handbook summary.", Arity = ArgumentArity.ZeroOrOne };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("show", "Show a handbook or one process in the terminal, or the whole model as JSON.") { directory, process, format };
        command.SetAction(parse =>
        {
            var (handbook, _) = HandbookLoader.Open(parse.GetValue(directory)!, context);
            if (handbook is null) return ExitCodes.BadInput;
            var id = parse.GetValue(process);
            Process? selected = null;
            if (id is not null)
            {
                selected = handbook.FindProcess(id) ?? throw new UsageException(
                    $"no process '{id}' in the handbook{(Suggest.Closest(id, handbook.Processes.Select(p => p.Id)) is { } near ? $" (did you mean '{near}'?)" : "")}");
            }

            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(selected is null
                    ? HandbookJson.Serialize(handbook)
                    : System.Text.Json.JsonSerializer.Serialize(selected, HandbookJson.Options));
                return ExitCodes.Ok;
            }

            var text = new TextReport(context.Out, handbook);
            if (selected is null) text.Summary();
            else text.Process(selected);
            return ExitCodes.Ok;
        });
        return command;
    }
}
