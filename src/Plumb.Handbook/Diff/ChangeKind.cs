namespace Plumb.Handbook.Diff;

/// <summary>What happened to an element or field between two versions of a handbook.</summary>
public enum ChangeKind
{
    /// <summary>It is new in the newer version.</summary>
    Added,

    /// <summary>It is gone from the newer version.</summary>
    Removed,

    /// <summary>Its value differs.</summary>
    Changed,

    /// <summary>The same elements are in a different order.</summary>
    Reordered,
}
