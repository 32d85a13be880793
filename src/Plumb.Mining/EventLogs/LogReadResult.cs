namespace Plumb.Mining.EventLogs;

/// <summary>The outcome of reading an event log: the log, or the problem that stopped reading.</summary>
public sealed record LogReadResult(EventLog? Log, LogProblem? Error)
{
    /// <summary>True when a log was read.</summary>
    public bool Succeeded => Log is not null;

    internal static LogReadResult Fail(int line, string? field, string message) => new(null, new LogProblem(line, field, message));
}
