namespace Plumb.Mining.Readers;

using Plumb.Handbook.Model;
using Plumb.Handbook.Tool;

/// <summary>
/// The out-of-box choices of a ticket table's state field (value ↔ label, and which states end the work), so state changes
/// read as activities ("Scheduled") while the raw value ("-2") stays available to step mappings. Incident is the fallback.
/// </summary>
public sealed class StateChoices
{
    private static readonly StateChoices IncidentChoices = new("incident", "2", "6", "7", TicketStates.Incident, ["6", "7", "8"]);

    private static readonly StateChoices ProblemChoices = new("problem", "104", "106", "107", TicketStates.Problem, ["106", "107"]);

    private static readonly StateChoices ChangeChoices = new("change_request", "-1", null, "3", TicketStates.Change, ["3", "4"]);

    private static readonly StateChoices InteractionChoices =
        new("interaction", "work_in_progress", null, "closed_complete", TicketStates.Interaction, ["closed_complete", "closed_abandoned"]);

    private static readonly Dictionary<string, StateChoices> ByTable = new[]
    {
        IncidentChoices, ProblemChoices, ChangeChoices, InteractionChoices, Task("sc_req_item"), Task("sc_request"), Task("sc_task"),
        Task("problem_task"), Task("change_task"),
    }.ToDictionary(c => c.Table, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _labels;
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _final;

    private StateChoices(string table, string reopenValue, string? resolvedValue, string closedValue, IReadOnlyList<(string Value, string Label)> choices, string[] final)
    {
        Table = table;
        NewValue = choices[0].Value;
        ReopenValue = reopenValue;
        ResolvedValue = resolvedValue;
        ClosedValue = closedValue;
        _labels = choices.ToDictionary(c => c.Value, c => c.Label, StringComparer.Ordinal);
        _values = choices.ToDictionary(c => c.Label, c => c.Value, StringComparer.OrdinalIgnoreCase);
        _final = new HashSet<string>(final, StringComparer.Ordinal);
    }

    /// <summary>The incident choices, used when the table is not known.</summary>
    public static StateChoices Incident => IncidentChoices;

    /// <summary>The table these choices belong to.</summary>
    public string Table { get; }

    /// <summary>The state a new ticket starts in (incident "1", change "-5").</summary>
    public string NewValue { get; }

    /// <summary>The state that marks the work done but not yet closed (incident "6"), or null for tables without one (change).</summary>
    public string? ResolvedValue { get; }

    /// <summary>The state of a ticket closed after its work was done (incident "7", change "3").</summary>
    public string ClosedValue { get; }

    /// <summary>The open state a ticket returns to when it is reopened (incident "2" In Progress, change "-1" Implement).</summary>
    public string ReopenValue { get; }

    /// <summary>The choices of a table; incident's for a null or unknown table.</summary>
    public static StateChoices For(string? table) =>
        table is not null && ByTable.TryGetValue(table, out var choices) ? choices : IncidentChoices;

    /// <summary>True when the table's state choices are known.</summary>
    public static bool Knows(string table) => ByTable.ContainsKey(table);

    /// <summary>The choices of the table a record number belongs to ("CHG0030001" → change_request), incident's when unknown.</summary>
    public static StateChoices ForCaseId(ReadOnlySpan<char> caseId) => For(TicketNumbers.TableOf(caseId));

    /// <summary>The choices of the log's table: the one its reader found, else the first case id's, else incident's.</summary>
    public static StateChoices ForLog(EventLogs.EventLog log) =>
        log.Table is { } table ? For(table) : log.CaseCount > 0 ? ForCaseId(log.CaseIds[0]) : IncidentChoices;

    /// <summary>The choices of the table the steps' tools name (the first one that names one), else the log's.</summary>
    public static StateChoices ForSteps(IEnumerable<Step> steps, EventLogs.EventLog? log = null) =>
        steps.Select(s => s.Tool?.Table).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) is { } table ? For(table)
        : log is null ? IncidentChoices : ForLog(log);

    /// <summary>The activity name for a state value: the out-of-box label where known, else the value itself.</summary>
    public string LabelOf(string value) => _labels.TryGetValue(value, out var label) ? label : value;

    /// <summary>The raw value for a display label where known ("Scheduled" → "-2"), else the trimmed text itself.</summary>
    public string ValueOf(string text) => _values.TryGetValue(text.Trim(), out var value) ? value : text.Trim();

    /// <summary>True for states that end the work (resolved, closed, canceled), used to detect reopening.</summary>
    public bool IsFinal(string value) => _final.Contains(value);

    private static StateChoices Task(string table) => new(table, "2", null, "3", TicketStates.Task, ["3", "4", "7"]);
}
