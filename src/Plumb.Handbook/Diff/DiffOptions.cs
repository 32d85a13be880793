namespace Plumb.Handbook.Diff;

/// <summary>What a comparison covers beyond the fields of each element.</summary>
public sealed record DiffOptions
{
    /// <summary>
    /// Also list the flows between steps that appeared or went away (start → first step, step → next step or "end", each decision
    /// branch), including the flows implied by the order of the steps; a visual diff shows these as its arrows.
    /// </summary>
    public bool Flows { get; init; }
}
