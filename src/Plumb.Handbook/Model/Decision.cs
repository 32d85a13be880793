namespace Plumb.Handbook.Model;

/// <summary>A decision after a step: a question and the branches that answer it.</summary>
public sealed class Decision
{
    /// <summary>The question asked, e.g. "Is this a major incident?".</summary>
    public string? Question { get; set; }

    /// <summary>Exclusive (one branch is taken) or parallel (every branch is taken).</summary>
    public DecisionKind Kind { get; set; } = DecisionKind.Exclusive;

    /// <summary>The branches.</summary>
    public List<Branch> Branches { get; set; } = [];
}
