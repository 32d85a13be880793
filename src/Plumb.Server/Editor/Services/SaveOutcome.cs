namespace Plumb.Server.Editor.Services;

using Plumb.Handbook.Merge;
using Plumb.Server.Storage;

/// <summary>What saving a draft did: the proposal it went into, or the conflicts with a version saved meanwhile (nothing written then).</summary>
public sealed record SaveOutcome(Proposal? Proposal, IReadOnlyList<MergeConflict> Conflicts, string? Problem = null)
{
    /// <summary>True when the proposal was written.</summary>
    public bool Saved => Proposal is not null;
}
