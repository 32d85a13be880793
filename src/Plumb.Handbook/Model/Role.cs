namespace Plumb.Handbook.Model;

/// <summary>A role people hold, such as "Service Desk Agent", and the tool groups that carry it.</summary>
public sealed class Role
{
    /// <summary>Stable id, e.g. <c>service-desk-agent</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the role is for.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the organisation has actually put this role in place.</summary>
    public bool InPlace { get; set; } = true;

    /// <summary>People (or teams) who hold the role today.</summary>
    public List<string> Holders { get; set; } = [];

    /// <summary>Assignment groups in the ITSM tool that carry this role.</summary>
    public List<string> Groups { get; set; } = [];
}
