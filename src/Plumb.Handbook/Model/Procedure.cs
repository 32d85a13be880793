namespace Plumb.Handbook.Model;

/// <summary>An ordered flow of steps with decisions, started by a trigger and ending in an outcome.</summary>
public sealed class Procedure
{
    /// <summary>Stable id, unique within the process.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the procedure achieves.</summary>
    public string? Purpose { get; set; }

    /// <summary>The event that starts it.</summary>
    public string? Trigger { get; set; }

    /// <summary>The result when it ends.</summary>
    public string? Outcome { get; set; }

    /// <summary>The steps, in their usual order.</summary>
    public List<Step> Steps { get; set; } = [];

    /// <summary>Findings about the procedure as a whole.</summary>
    public List<Finding> Findings { get; set; } = [];

    /// <summary>The step with this id, if any.</summary>
    public Step? FindStep(string id) => Steps.Find(s => s.Id == id);
}
