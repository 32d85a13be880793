namespace Plumb.ServiceNow.Snapshot;

/// <summary>A problem reading a snapshot file: the file, the line when known, what is wrong, and whether the read can go on.</summary>
public sealed record SnapshotError(string Source, int? Line, string Message, bool IsWarning = false)
{
    /// <summary>The conventional one-line form, <c>file:line: message</c>.</summary>
    public override string ToString() =>
        (Line is { } l ? $"{Source}:{l}: " : $"{Source}: ") + (IsWarning ? "warning: " : "") + Message;
}
