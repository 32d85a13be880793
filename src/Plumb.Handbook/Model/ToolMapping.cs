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

    /// <summary>The field the states refer to.</summary>
    public string EffectiveField => string.IsNullOrWhiteSpace(Field) ? "state" : Field;
}
