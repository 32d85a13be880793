namespace Plumb.Editor.Services;

using Plumb.Editor.Store;
using Plumb.Handbook.Merge;

/// <summary>What a save did: the new version, or the conflicts with a version saved meanwhile (nothing written then).</summary>
public sealed record SaveOutcome(DocumentVersion? Version, IReadOnlyList<MergeConflict> Conflicts, string? Problem = null)
{
    /// <summary>True when a version was written.</summary>
    public bool Saved => Version is not null;
}
