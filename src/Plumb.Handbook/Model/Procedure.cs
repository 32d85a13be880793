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

    /// <summary>Where the step at <paramref name="index"/> goes by its position alone: the step after it, or <see cref="Step.End"/> after the last.</summary>
    public string Following(int index) => index + 1 < Steps.Count ? Steps[index + 1].Id : Step.End;

    /// <summary>
    /// Where the step at <paramref name="index"/> goes when it has no decision: the step its <c>next</c> names, else
    /// <see cref="Following"/>. The one place the "next step" rule is written.
    /// </summary>
    public string NextOf(int index) => Steps[index].Next ?? Following(index);

    /// <summary>
    /// The steps the step at <paramref name="index"/> can go to, in the order written: its decision's branches, else
    /// <see cref="NextOf"/>. Targets are step ids or <see cref="Step.End"/>, as written (they may name no step).
    /// </summary>
    public IEnumerable<string> Successors(int index) =>
        Steps[index].Decision is { Branches.Count: > 0 } decision ? decision.Branches.Select(b => b.Goto) : [NextOf(index)];
}
