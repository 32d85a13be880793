namespace Plumb.Editor.Store;

/// <summary>Where a saved version stands in the workflow draft → in review → published.</summary>
public enum VersionState
{
    /// <summary>Saved by an editor, not yet submitted.</summary>
    Draft,

    /// <summary>Submitted; waits for the owner.</summary>
    InReview,

    /// <summary>Approved by the owner; what readers see.</summary>
    Published,

    /// <summary>Sent back by the owner with comments.</summary>
    SentBack,
}
