namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Import;

public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Bring models from other tools into a handbook.");
        command.Subcommands.Add(Bpmn(context));
        return command;
    }

    private static Command Bpmn(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A BPMN 2.0 file (.bpmn or .xml) written by any modelling tool." };
        var into = new Option<string>("--into") { Description = "The handbook folder to import into (created when it does not exist).", Required = true };
        var process = new Option<string?>("--process", "-p") { Description = "The process that receives the procedures; by default one named after the file." };
        var lenient = new Option<bool>("--lenient") { Description = "Drop what breaks BPMN (unknown elements, flows to nowhere, repeated ids) with a warning instead of refusing the file." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("bpmn", "Turn a BPMN model into procedures: tasks become steps, lanes roles, gateways decisions, documentation instructions.")
        {
            file, into, process, lenient, format,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw new UsageException($"{path}: {e.Message}");
            }

            var read = BpmnReader.Read(text, path, new BpmnReadOptions { Lenient = parse.GetValue(lenient) });
            foreach (var diagnostic in read.Diagnostics) context.Error.WriteLine(diagnostic.Format());
            if (!read.Succeeded) return ExitCodes.BadInput;
            var target = parse.GetValue(into)!;
            var handbook = new Plumb.Handbook.Model.Handbook { Name = Path.GetFileName(Path.GetFullPath(target)) };
            if (File.Exists(Path.Combine(target, "handbook.yaml")))
            {
                var (loaded, _) = HandbookLoader.Open(target, context);
                if (loaded is null) return ExitCodes.BadInput;
                handbook = loaded;
            }

            var processId = parse.GetValue(process) ?? BpmnImporter.Slug(Path.GetFileNameWithoutExtension(path));
            var result = BpmnImporter.Import(read.Definitions!, handbook, processId);
            if (result.Process.Procedures.Count == 0) throw new UsageException($"{path}: the model has no process with activities to import");
            Directory.CreateDirectory(target);
            HandbookFolder.Save(handbook, target);
            foreach (var note in result.NotCarried) context.Error.WriteLine($"{path}: {Diagnostic.SeverityWord(Severity.Warning)} {BpmnErrors.NotCarried}: {note}");
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    process = result.Process.Id,
                    procedures = result.Process.Procedures.Select(p => new { id = p.Id, name = p.Name, steps = p.Steps.Count }),
                    notCarried = result.NotCarried,
                }, JsonOutput.Options));
            }
            else
            {
                foreach (var p in result.Process.Procedures) context.Out.WriteLine($"{result.Process.Id}/{p.Id}: {p.Steps.Count} steps ({p.Name})");
                context.Out.WriteLine($"imported into {target}; {result.NotCarried.Count} thing(s) not carried over");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
