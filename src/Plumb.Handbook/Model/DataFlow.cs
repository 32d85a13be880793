namespace Plumb.Handbook.Model;

/// <summary>
/// A record coming in or going out, and the party on the other side: a step, procedure or process
/// reference (see <see cref="Plumb.Handbook.References.Reference"/>) or a role outside the flow, such as the caller.
/// </summary>
public sealed class DataFlow
{
    /// <summary>Id of the record.</summary>
    public string Record { get; set; } = "";

    /// <summary>Where the record comes from (inputs) or goes to (outputs); null when not said.</summary>
    public string? Party { get; set; }

    /// <summary>A short note on what is passed, if it needs saying.</summary>
    public string? Note { get; set; }
}
