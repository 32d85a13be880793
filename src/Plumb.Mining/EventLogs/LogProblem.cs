namespace Plumb.Mining.EventLogs;

/// <summary>A problem in an event-log file: where (line, field) and what, in words a user can act on.</summary>
public sealed record LogProblem(int Line, string? Field, string Message)
{
    /// <summary>The conventional one-line form, <c>file:line: field: message</c>.</summary>
    public string Format(string file) =>
        Line > 0
            ? Field is null ? $"{file}:{Line}: {Message}" : $"{file}:{Line}: field '{Field}': {Message}"
            : $"{file}: {Message}";
}
