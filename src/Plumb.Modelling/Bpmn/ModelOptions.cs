namespace Plumb.Modelling.Bpmn;

/// <summary>Choices for turning procedures into models and pictures.</summary>
public sealed record ModelOptions
{
    /// <summary>
    /// The link a call activity points at in SVG, with <c>{process}</c> and <c>{procedure}</c> filled in;
    /// the portal's route by default.
    /// </summary>
    public string LinkTemplate { get; init; } = "/processes/{process}/procedures/{procedure}";

    /// <summary>The link for a called procedure.</summary>
    public string LinkFor(string process, string procedure) =>
        LinkTemplate.Replace("{process}", Uri.EscapeDataString(process), StringComparison.Ordinal)
            .Replace("{procedure}", Uri.EscapeDataString(procedure), StringComparison.Ordinal);
}
