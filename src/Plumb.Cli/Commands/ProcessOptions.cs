namespace Plumb.Cli.Commands;

using System.CommandLine;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>--handbook, --process and --procedure, and finding the process and procedure they name.</summary>
public sealed class ProcessOptions(bool required)
{
    public Option<string?> Handbook { get; } = new("--handbook") { Description = "The handbook folder (holds handbook.yaml).", Required = required };

    public Option<string?> Process { get; } = new("--process") { Description = "The process id, e.g. incident.", Required = required };

    public Option<string?> Procedure { get; } = new("--procedure") { Description = "The procedure id (default: the process's first procedure)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Handbook);
        command.Options.Add(Process);
        command.Options.Add(Procedure);
    }

    /// <summary>The process and procedure, or a usage error; null when no handbook was given.</summary>
    public (Process Process, Procedure Procedure)? Resolve(ParseResult parse, CliContext context) =>
        ResolveIn(parse, context) is { } found ? (found.Process, found.Procedure) : null;

    /// <summary>The handbook with the process and procedure, or a usage error; null when no handbook was given.</summary>
    public (Handbook Handbook, Process Process, Procedure Procedure)? ResolveIn(ParseResult parse, CliContext context)
    {
        var directory = parse.GetValue(Handbook);
        if (directory is null) return null;
        var (handbook, _) = HandbookLoader.Open(directory, context);
        if (handbook is null) throw new UsageException($"{directory}: the handbook could not be read");
        var id = parse.GetValue(Process) ?? throw new UsageException("--process is required with --handbook");
        var process = handbook.FindProcess(id) ?? throw new UsageException(
            $"no process '{id}' in the handbook{(Suggest.Closest(id, handbook.Processes.Select(p => p.Id)) is { } near ? $" (did you mean '{near}'?)" : "")}");
        var procedureId = parse.GetValue(Procedure);
        var procedure = procedureId is null ? process.Procedures.FirstOrDefault() : process.Procedures.Find(p => p.Id == procedureId);
        if (procedure is null)
        {
            throw new UsageException(procedureId is null
                ? $"process '{id}' has no procedure"
                : $"no procedure '{procedureId}' in process '{id}' (procedures: {string.Join(", ", process.Procedures.Select(p => p.Id))})");
        }

        return (handbook, process, procedure);
    }
}
