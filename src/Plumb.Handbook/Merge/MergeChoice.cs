namespace Plumb.Handbook.Merge;

/// <summary>How a merge conflict is settled.</summary>
public enum MergeChoice
{
    /// <summary>Keep this side's value.</summary>
    Mine,

    /// <summary>Keep the other side's value.</summary>
    Theirs,

    /// <summary>Keep both texts, this side's first (for text fields; other fields keep this side's value).</summary>
    Both,

    /// <summary>Use a text written while resolving.</summary>
    Custom,
}
