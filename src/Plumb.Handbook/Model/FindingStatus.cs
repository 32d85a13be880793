namespace Plumb.Handbook.Model;

/// <summary>Where the follow-up of a finding stands.</summary>
public enum FindingStatus
{
    /// <summary>Recorded, nothing decided yet.</summary>
    Open,

    /// <summary>An update is planned.</summary>
    Planned,

    /// <summary>The update is made.</summary>
    Done,

    /// <summary>Considered and not acted on.</summary>
    Rejected,
}
