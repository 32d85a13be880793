namespace Plumb.Handbook.Model;

/// <summary>Where a process is in its approval workflow.</summary>
public enum ProcessStatus
{
    /// <summary>Being written; not shown to readers.</summary>
    Draft,

    /// <summary>Submitted to the owner for approval.</summary>
    InReview,

    /// <summary>Approved and shown to everybody.</summary>
    Published,
}
