namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Modelling.Excel;
using Plumb.Modelling.Word;

public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var format = CommonOptions.Format("docx", "xlsx");
        var output = new Option<string>("--output", "-o") { Description = "The file to write.", Required = true };
        var process = new Option<string[]>("--process", "-p") { Description = "Only these processes (repeatable); every process by default.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("export", "Export the handbook as a Word process handbook (docx) or the RACI matrix as an Excel workbook (xlsx).")
        {
            directory, format, output, process,
        };
        command.SetAction(parse =>
        {
            var (handbook, _) = HandbookLoader.Open(parse.GetValue(directory)!, context);
            if (handbook is null) return ExitCodes.BadInput;
            var only = parse.GetValue(process) ?? [];
            foreach (var id in only) ModelCommand.FindProcess(handbook, id);
            if (only.Length > 0) handbook.Processes.RemoveAll(p => !only.Contains(p.Id));
            var file = parse.GetValue(output)!;
            if (parse.GetValue(format) == "xlsx")
            {
                OutputFile.Write(file, RaciWorkbook.Write(handbook));
            }
            else
            {
                context.Error.WriteLine($"drawing {handbook.Processes.Sum(p => p.Procedures.Count)} procedure diagrams...");
                OutputFile.Write(file, HandbookDocument.Write(handbook));
            }

            context.Error.WriteLine($"wrote {file} ({handbook.Processes.Count} process{(handbook.Processes.Count == 1 ? "" : "es")})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
