namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.DrawIo;
using Plumb.Modelling.Png;
using Plumb.Modelling.Svg;
using Plumb.Modelling.Visio;

public static class ModelCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var process = new Option<string>("--process", "-p") { Description = "The process to model.", Required = true };
        var procedure = new Option<string?>("--procedure") { Description = "One procedure; without it every procedure of the process (svg and png need one when there are several)." };
        var format = CommonOptions.Format("bpmn", "svg", "png", "drawio", "vsdx");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write; bpmn and svg go to standard output without it." };
        var links = new Option<string>("--link-template")
        {
            Description = "Where a call activity links in SVG; {process} and {procedure} are filled in.",
            DefaultValueFactory = _ => new ModelOptions().LinkTemplate,
        };
        var command = new Command("model", "Write a process's procedures as laid-out BPMN 2.0, or draw them as SVG, PNG, draw.io or Visio.")
        {
            directory, process, procedure, format, output, links,
        };
        command.SetAction(parse =>
        {
            var (handbook, _) = HandbookLoader.Open(parse.GetValue(directory)!, context);
            if (handbook is null) return ExitCodes.BadInput;
            var selected = FindProcess(handbook, parse.GetValue(process)!);
            var procedures = selected.Procedures;
            if (parse.GetValue(procedure) is { } procedureId)
            {
                procedures = [selected.FindProcedure(procedureId) ?? throw new UsageException(
                    $"process '{selected.Id}' has no procedure '{procedureId}'{Hint(procedureId, selected.Procedures.Select(p => p.Id))}")];
            }

            if (procedures.Count == 0) throw new UsageException($"process '{selected.Id}' has no procedures to model");
            var kind = parse.GetValue(format)!;
            var file = parse.GetValue(output);
            if (file is null && kind is "png" or "drawio" or "vsdx") throw new UsageException($"--format {kind} needs --output FILE");
            if (procedures.Count > 1 && kind is "svg" or "png")
                throw new UsageException($"process '{selected.Id}' has {procedures.Count} procedures; pick one with --procedure for {kind}");
            var definitions = ProcedureModeller.Model(handbook, selected, procedures);
            var render = ProcedureModeller.RenderOptionsFor(handbook, new ModelOptions { LinkTemplate = parse.GetValue(links)! });
            switch (kind)
            {
                case "bpmn": Emit(file, BpmnWriter.ToXml(definitions)); break;
                case "svg": Emit(file, SvgRenderer.Render(definitions, render)); break;
                case "png": OutputFile.Write(file!, PngRenderer.Render(definitions, render)); break;
                case "drawio": OutputFile.Write(file!, DrawIoWriter.Write(definitions)); break;
                default: OutputFile.Write(file!, VisioWriter.Write(definitions)); break;
            }

            if (file is not null) context.Error.WriteLine($"wrote {file} ({procedures.Count} procedure{(procedures.Count == 1 ? "" : "s")} of {selected.Id})");
            return ExitCodes.Ok;
        });
        return command;

        void Emit(string? file, string text)
        {
            if (file is null) context.Out.Write(text);
            else OutputFile.Write(file, text);
        }
    }

    internal static Process FindProcess(Handbook handbook, string id) =>
        handbook.FindProcess(id) ?? throw new UsageException($"no process '{id}' in the handbook{Hint(id, handbook.Processes.Select(p => p.Id))}");

    private static string Hint(string id, IEnumerable<string> candidates) =>
        Suggest.Closest(id, candidates) is { } near ? $" (did you mean '{near}'?)" : "";
}
