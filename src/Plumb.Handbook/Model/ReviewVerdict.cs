namespace Plumb.Handbook.Model;

/// <summary>The answers of a procedure review for one step; null means not yet answered.</summary>
public sealed class ReviewVerdict
{
    /// <summary>Is the step necessary?</summary>
    public bool? Necessary { get; set; }

    /// <summary>Is it done efficiently?</summary>
    public bool? Efficient { get; set; }

    /// <summary>Is the responsible role in place?</summary>
    public bool? RoleInPlace { get; set; }

    /// <summary>What the team said.</summary>
    public string? Notes { get; set; }
}
