namespace Plumb.Handbook.Model;

/// <summary>
/// A condition on a record field that tells a step apart from another one the tool records the same way: the step's events
/// are those whose <see cref="Attribute"/> holds one of <see cref="Values"/> (the service desk's work at <c>ST Level</c> L1
/// is matching known fixes; the same activity at L2 or L3 is a resolver investigating).
/// </summary>
public sealed class ToolCondition
{
    /// <summary>The field of the log, as the export names it (<c>ST Level</c>, <c>Category</c>): the event's value where the log keeps it per event, else the case's.</summary>
    public string Attribute { get; set; } = "";

    /// <summary>The values that show the step (compared without case).</summary>
    public List<string> Values { get; set; } = [];
}
