namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.ServiceNow.Embed;

public static class SnowEmbedCommand
{
    /// <summary>The diagram source used by embed and push; the BPMN renderer replaces the plain one when wired in.</summary>
    public static IProcedureDiagramSource Diagrams { get; set; } = new BpmnProcedureDiagrams();

    public static Command Create(CliContext context)
    {
        var handbook = new Option<string>("--handbook") { Description = "The handbook folder (holds handbook.yaml).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The update set file to write, e.g. plumb.xml.", Required = true };
        var name = new Option<string?>("--name") { Description = "The update set's name (default: Plumb: HANDBOOK NAME)." };
        var command = new Command("embed",
            "Write an update set (XML) that puts the handbook inside ServiceNow: a UI page per process with diagrams and step " +
            "instructions, a knowledge article per procedure, and process-flow stages for the task forms. Import it under " +
            "System Update Sets > Retrieved Update Sets > Import Update Set from XML, then preview and commit.")
        {
            handbook, output, name,
        };
        command.SetAction(parse =>
        {
            var (book, _) = HandbookLoader.Open(parse.GetValue(handbook)!, context);
            if (book is null) return ExitCodes.BadInput;
            var at = context.Time.GetUtcNow();
            var records = EmbedPlan.Build(book, Diagrams, at);
            var file = parse.GetValue(output)!;
            var setName = parse.GetValue(name) ?? $"Plumb: {book.Name}";
            var temporary = file + ".tmp";
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                UpdateSetWriter.Write(writer, setName, $"Process handbook '{book.Name}' embedded by Plumb: UI pages, knowledge articles, process-flow stages.", records, at);
            }

            File.Move(temporary, file, overwrite: true);
            int Count(string table) => records.Count(r => r.Table == table);
            context.Out.WriteLine($"Wrote update set '{setName}' to {file}: {Count("sys_ui_page")} UI page(s), {Count("kb_knowledge")} knowledge article(s), " +
                $"{Count("sys_process_flow")} process-flow stage(s), {Count("kb_knowledge_base")} knowledge base.");
            context.Out.WriteLine("Import it under System Update Sets > Retrieved Update Sets > Import Update Set from XML, then preview and commit.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
