namespace Plumb.Cli.Commands;

using System.CommandLine;
using System.Text.Json;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Lint;

public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var directory = CommonOptions.HandbookDirectory();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("check", "Check a handbook for mistakes (lint). Exit 0 clean, 1 errors found, 2 unreadable input.")
        {
            directory, format,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(format)!, context));
        return command;
    }

    public static int Run(string directory, string format, CliContext context)
    {
        var (handbook, load) = format == "json"
            ? (Plumb.Handbook.Folder.HandbookFolder.Load(directory) is var l ? (l.Handbook, l) : default)
            : HandbookLoader.Open(directory, context);
        if (handbook is null)
        {
            if (format == "json") WriteJson(context.Out, directory, load.Errors);
            return ExitCodes.BadInput;
        }

        // In reading order: by file, then line and column, so a problem is found where the eye goes next.
        var diagnostics = Linter.Check(handbook).Select(load.Locate)
            .OrderBy(d => d.Document == Plumb.Handbook.Folder.HandbookFolder.HandbookFile ? 0 : 1)
            .ThenBy(d => d.Document, StringComparer.Ordinal)
            .ThenBy(d => d.At?.Line ?? 0)
            .ThenBy(d => d.At?.Column ?? 0)
            .ToList();
        if (format == "json") WriteJson(context.Out, directory, diagnostics);
        else WriteText(context.Out, directory, diagnostics, handbook.Processes.Count);
        return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.Found : ExitCodes.Ok;
    }

    private static void WriteText(TextWriter output, string directory, List<Diagnostic> diagnostics, int processes)
    {
        foreach (var diagnostic in diagnostics) output.WriteLine(diagnostic.Format(directory));
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var hints = diagnostics.Count - errors - warnings;
        if (diagnostics.Count > 0) output.WriteLine();
        output.WriteLine(diagnostics.Count == 0
            ? $"{directory}: {processes} process(es) checked, no problems found."
            : $"{directory}: {processes} process(es) checked: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(hints, "hint")}.");
    }

    private static string Plural(int count, string word) => count == 1 ? $"1 {word}" : $"{count} {word}s";

    /// <summary>The JSON form of a check, documented in docs/check-json.md; field names are stable.</summary>
    public static void WriteJson(TextWriter output, string directory, IReadOnlyList<Diagnostic> diagnostics)
    {
        var rules = Linter.Rules.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var document = new
        {
            handbook = directory,
            summary = new
            {
                errors = diagnostics.Count(d => d.Severity == Severity.Error),
                warnings = diagnostics.Count(d => d.Severity == Severity.Warning),
                hints = diagnostics.Count(d => d.Severity == Severity.Hint),
            },
            diagnostics = diagnostics.Select(d => new
            {
                code = d.Code,
                rule = rules.GetValueOrDefault(d.Code),
                severity = Diagnostic.SeverityWord(d.Severity),
                message = d.Message,
                file = d.Document.Length == 0 ? directory : d.Document,
                line = d.At?.Line,
                column = d.At?.Column,
                path = d.Path,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, JsonOutput.Options));
    }
}
