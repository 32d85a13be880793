namespace Plumb.Handbook.Model;

/// <summary>Something a review found, how severe it is, the update planned for it, who owns it and its status.</summary>
public sealed class Finding
{
    /// <summary>Stable id, unique within the handbook, e.g. <c>F-012</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>What was found.</summary>
    public string Text { get; set; } = "";

    /// <summary>How much it matters.</summary>
    public FindingSeverity Severity { get; set; } = FindingSeverity.Medium;

    /// <summary>The change planned for the next version.</summary>
    public string? PlannedUpdate { get; set; }

    /// <summary>Who owns the follow-up (a role id or a person).</summary>
    public string? Owner { get; set; }

    /// <summary>Where the follow-up stands.</summary>
    public FindingStatus Status { get; set; } = FindingStatus.Open;
}
