namespace Plumb.Handbook.Model;

/// <summary>One way out of a decision: the condition and the step it leads to (or <c>end</c>).</summary>
public sealed class Branch
{
    /// <summary>The condition in words, e.g. "Major incident"; empty for parallel branches.</summary>
    public string? When { get; set; }

    /// <summary>The step the branch leads to, or <c>end</c>.</summary>
    public string Goto { get; set; } = "";
}
