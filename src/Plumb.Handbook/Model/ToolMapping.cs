namespace Plumb.Handbook.Model;

/// <summary>
/// How a step shows in the ITSM tool: the table, the values of its state field, the assignment groups,
/// and the event-log activity names that tell the step happened.
/// </summary>
public sealed class ToolMapping
{
    /// <summary>The table, e.g. <c>incident</c>.</summary>
    public string? Table { get; set; }

    /// <summary>The field whose values are listed in <see cref="States"/>; <c>state</c> when not said.</summary>
    public string? Field { get; set; }

    /// <summary>Values of the field while the step is done, e.g. <c>2</c> for In Progress.</summary>
    public List<string> States { get; set; } = [];

    /// <summary>Assignment groups that work the step.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Event-log activity names that show the step happened.</summary>
    public List<string> Activities { get; set; } = [];

    /// <summary>
    /// False when the tool's history cannot show the step apart from others: it shares its state with another step and leaves no
    /// activity of its own (categorising while the incident stays New), or it changes nothing the tool audits. Replay treats such a
    /// step as silent, so its absence from a log is no deviation; its events, where a log has them, still count for KPIs.
    /// </summary>
    public bool Observable { get; set; } = true;

    /// <summary>A condition on a record field that an event must meet to show the step, or null (every matching event does).</summary>
    public ToolCondition? When { get; set; }

    /// <summary>The field the states refer to.</summary>
    public string EffectiveField => string.IsNullOrWhiteSpace(Field) ? "state" : Field;
}
