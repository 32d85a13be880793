namespace Plumb.Modelling.Svg;

/// <summary>What a rendering adds beyond the model: links for call activities and the domain ids of steps.</summary>
public sealed record RenderOptions
{
    /// <summary>The link of a call activity, by its called element (a BPMN process id); none when absent.</summary>
    public IReadOnlyDictionary<string, string> CallLinks { get; init; } = new Dictionary<string, string>();

    /// <summary>The domain step id of an element id (written as <c>data-step</c>), for the portal.</summary>
    public IReadOnlyDictionary<string, string> StepIds { get; init; } = new Dictionary<string, string>();

    /// <summary>Which diagram of the file to draw (index); the first by default.</summary>
    public int Diagram { get; init; }
}
