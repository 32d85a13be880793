namespace Plumb.Handbook.Merge;

/// <summary>
/// A three-way merge: the merged document (every change of both sides that does not collide, and this side's value
/// where they do) and the conflicts left to settle.
/// </summary>
public sealed record MergeResult<T>(T Merged, IReadOnlyList<MergeConflict> Conflicts)
{
    /// <summary>True when both sides' changes merged without a conflict.</summary>
    public bool IsClean => Conflicts.Count == 0;
}
