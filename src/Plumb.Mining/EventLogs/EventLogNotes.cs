namespace Plumb.Mining.EventLogs;

/// <summary>
/// What reading changed or found: cases whose events were not in time order (sorted, stably, by timestamp),
/// exact duplicate events (kept, as established tools keep them, unless dropping was asked for), and rows skipped.
/// </summary>
public sealed record EventLogNotes(int UnsortedCases, int DuplicateEvents, bool DuplicatesDropped, int SkippedRows, IReadOnlyList<LogProblem> Problems)
{
    /// <summary>Other things a user should know about the data, e.g. sys_ids that could not be named.</summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];

    /// <summary>How the reader guessed the columns it was not told ("guessed columns: case 'number', ..."), or null.</summary>
    public string? GuessedColumns { get; init; }

    /// <summary>Case attributes the file has whose values were not kept, because the command reading it does not use them.</summary>
    public IReadOnlyList<string> UnreadAttributes { get; init; } = [];

    /// <summary>Notes of a log read without remarks.</summary>
    public static EventLogNotes None { get; } = new(0, 0, false, 0, []);
}
