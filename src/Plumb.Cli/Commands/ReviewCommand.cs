namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text;
using Plumb.Handbook.Review;
using Plumb.Modelling.Excel;
using Plumb.Modelling.Word;

public static class ReviewCommand
{
    private static readonly string[] Formats = ["md", "html", "docx", "xlsx"];

    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: md, html, docx or xlsx. Default: from the extension of --output, else md.",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "The file to write; md and html go to standard output without it." };
        var command = new Command("review",
            "Write the review workbook a workshop hands over: process and procedure reviews, RACI matrix, role coverage, " +
            "data-flow map and findings register.")
        {
            directory, format, output,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(format), parse.GetValue(output), context));
        return command;
    }

    public static int Run(string directory, string? format, string? output, CliContext context)
    {
        var chosen = format ?? FromExtension(output) ?? "md";
        if (chosen is "docx" or "xlsx" && output is null)
        {
            throw new UsageException($"--format {chosen} writes a binary file; name it with --output FILE.{chosen}");
        }

        var (handbook, _) = HandbookLoader.Open(directory, context);
        if (handbook is null) return ExitCodes.BadInput;
        var workbook = ReviewWorkbookBuilder.Build(handbook);

        if (output is null)
        {
            context.Out.Write(chosen == "html" ? HtmlDocument.Render(workbook) : MarkdownDocument.Render(workbook));
            return ExitCodes.Ok;
        }

        var full = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new UsageException($"--output {output}: the folder '{folder}' does not exist");

        // Written beside the target and moved over it, so a failure never leaves half a document.
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                switch (chosen)
                {
                    case "docx": ReviewDocx.Write(workbook, stream); break;
                    case "xlsx": ReviewXlsx.Write(workbook, stream); break;
                    case "html": Write(stream, HtmlDocument.Render(workbook)); break;
                    default: Write(stream, MarkdownDocument.Render(workbook)); break;
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"--output {output}: cannot write the file: {e.Message}");
        }

        var steps = workbook.Processes.Sum(p => p.Procedures.Sum(x => x.Steps.Count));
        context.Error.WriteLine(
            $"Wrote the review workbook ({chosen}) of {workbook.Processes.Count} process(es), {steps} step(s) and " +
            $"{workbook.Findings.Count} finding(s) to {output}.");
        return ExitCodes.Ok;
    }

    private static void Write(Stream stream, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    private static string? FromExtension(string? output)
    {
        var extension = output is null ? "" : Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
        return extension switch
        {
            "htm" or "html" => "html",
            "markdown" => "md",
            _ => Formats.Contains(extension) ? extension : null,
        };
    }
}
