namespace Plumb.Handbook.Tool;

/// <summary>
/// ServiceNow's out-of-box choices of the state field of the ticket tables (value, label), kept in one place for the
/// snapshot generator and the event-log readers.
/// </summary>
public static class TicketStates
{
    /// <summary>Incident states.</summary>
    public static IReadOnlyList<(string Value, string Label)> Incident { get; } =
        [("1", "New"), ("2", "In Progress"), ("3", "On Hold"), ("6", "Resolved"), ("7", "Closed"), ("8", "Canceled")];

    /// <summary>Problem states of the best-practice state model (Madrid and later).</summary>
    public static IReadOnlyList<(string Value, string Label)> Problem { get; } =
        [("101", "New"), ("102", "Assess"), ("103", "Root Cause Analysis"), ("104", "Fix in Progress"), ("106", "Resolved"), ("107", "Closed")];

    /// <summary>Change request states.</summary>
    public static IReadOnlyList<(string Value, string Label)> Change { get; } =
        [("-5", "New"), ("-4", "Assess"), ("-3", "Authorize"), ("-2", "Scheduled"), ("-1", "Implement"), ("0", "Review"), ("3", "Closed"), ("4", "Canceled")];

    /// <summary>The task table's states, which requested items, requests and catalog, problem and change tasks inherit.</summary>
    public static IReadOnlyList<(string Value, string Label)> Task { get; } =
        [("-5", "Pending"), ("1", "Open"), ("2", "Work in Progress"), ("3", "Closed Complete"), ("4", "Closed Incomplete"), ("7", "Closed Skipped")];

    /// <summary>Interaction states.</summary>
    public static IReadOnlyList<(string Value, string Label)> Interaction { get; } =
        [("new", "New"), ("work_in_progress", "Work in Progress"), ("on_hold", "On Hold"), ("wrap_up", "Wrap Up"),
            ("closed_complete", "Closed Complete"), ("closed_abandoned", "Closed Abandoned")];
}
