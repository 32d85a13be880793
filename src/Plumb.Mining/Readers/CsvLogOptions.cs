namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>
/// How to read an event log from CSV: which columns hold the case, activity, timestamp, resource, group, state and priority
/// (null = guess from the header), the separator, the timestamp format, and whether rows are record updates.
/// </summary>
public sealed record CsvLogOptions
{
    /// <summary>The case id column.</summary>
    public string? Case { get; init; }

    /// <summary>The activity column; several columns joined with <c>+</c> are combined as <c>A-B</c> (e.g. status and sub-status).</summary>
    public string? Activity { get; init; }

    /// <summary>The timestamp column.</summary>
    public string? Timestamp { get; init; }

    /// <summary>The resource (user) column.</summary>
    public string? Resource { get; init; }

    /// <summary>The assignment group column.</summary>
    public string? Group { get; init; }

    /// <summary>The state column (ServiceNow <c>state</c> or <c>incident_state</c>).</summary>
    public string? State { get; init; }

    /// <summary>
    /// The ServiceNow table the tickets come from (incident, problem, change_request, ...), which names the state values;
    /// null infers it from the first case id's prefix (PRB…), else from the state column's name (incident_state), else incident.
    /// </summary>
    public string? Table { get; init; }

    /// <summary>The priority column.</summary>
    public string? Priority { get; init; }

    /// <summary>The separator; null guesses from the header among comma, semicolon, tab and pipe.</summary>
    public char? Separator { get; init; }

    /// <summary>The timestamp format (<c>iso</c>, <c>unix</c>, <c>unix-ms</c> or a .NET format), or null for automatic.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>
    /// True: every row is a snapshot of a record after an update (ServiceNow "one row per update" exports) and events are
    /// derived from changes of state, group and priority. Null guesses: snapshots when there is a state column and no activity column.
    /// </summary>
    public bool? RecordUpdates { get; init; }

    /// <summary>
    /// Columns whose value is kept per event as well as per case (<see cref="EventLogs.EventLog.EventAttributes"/>), by name
    /// (prefix, case, spaces and '_' as for every column); <c>*</c> keeps every column that is no event field. Step mappings
    /// with a condition (<c>tool.when</c>) read them: a ticket's <c>ST Level</c> changes as it moves on.
    /// </summary>
    public IReadOnlyList<string> EventAttributes { get; init; } = [];

    /// <summary>
    /// ServiceNow JSON: the fields besides state, assignment group and priority whose audited changes become events (the fields
    /// steps' tool mappings name, <see cref="SnowJsonEventLogReader.StepFieldsOf"/>); empty: none.
    /// </summary>
    public IReadOnlyList<string> StepFields { get; init; } = [];

    /// <summary>Markers of "no value" besides the defaults of <see cref="Readers.MissingValues.Defaults"/> (<c>?</c>, <c>NULL</c>, <c>(empty)</c>, ...).</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>The case attributes whose values are kept (see <see cref="CaseAttributeSelection"/>); null keeps every column.</summary>
    public CaseAttributeSelection? CaseAttributes { get; init; }

    /// <summary>
    /// How many parts a file (or memory stream) is cut into and read at once, at record boundaries; null: one per core for
    /// files of 8 MB or more, else 1. The log read is the same either way.
    /// </summary>
    public int? ReadParts { get; init; }

    /// <summary>Drop exact duplicate events instead of keeping them.</summary>
    public bool DropDuplicates { get; init; }

    /// <summary>Skip rows that cannot be read (reported in the notes) instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }
}
