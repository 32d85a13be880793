namespace Plumb.Handbook.Model;

/// <summary>How the branches of a decision are taken.</summary>
public enum DecisionKind
{
    /// <summary>Exactly one branch, chosen by its condition (BPMN exclusive gateway).</summary>
    Exclusive,

    /// <summary>Every branch at once (BPMN parallel gateway).</summary>
    Parallel,
}
