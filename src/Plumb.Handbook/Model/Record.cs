namespace Plumb.Handbook.Model;

/// <summary>A data object that flows between steps and processes, such as the incident record or an RFC.</summary>
public sealed class Record
{
    /// <summary>Stable id, e.g. <c>incident-record</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the record holds.</summary>
    public string? Description { get; set; }

    /// <summary>The ITSM tool table that holds it, e.g. <c>incident</c>.</summary>
    public string? Table { get; set; }
}
