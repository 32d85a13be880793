namespace Plumb.Modelling.Svg;

/// <summary>What a rendering adds beyond the model: links, the domain ids of steps, a text alternative and how the SVG sits in a page.</summary>
public sealed record RenderOptions
{
    /// <summary>The link of a call activity, by its called element (a BPMN process id); none when absent.</summary>
    public IReadOnlyDictionary<string, string> CallLinks { get; init; } = new Dictionary<string, string>();

    /// <summary>Links by element id, drawn around the element with their title as its accessible name; they win over <see cref="CallLinks"/>.</summary>
    public IReadOnlyDictionary<string, ElementLink> Links { get; init; } = new Dictionary<string, ElementLink>();

    /// <summary>The domain step id of an element id (written as <c>data-step</c>), for the portal.</summary>
    public IReadOnlyDictionary<string, string> StepIds { get; init; } = new Dictionary<string, string>();

    /// <summary>Which diagram of the file to draw (index); the first by default.</summary>
    public int Diagram { get; init; }

    /// <summary>Put before every id the SVG defines, so several diagrams can sit inline in one HTML page without clashing.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>A longer text alternative, written as the SVG's <c>desc</c>; none when null.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the SVG carries its own small stylesheet (hover on links); off where a page's content policy forbids inline styles.</summary>
    public bool Stylesheet { get; init; } = true;
}

/// <summary>A link around one drawn element: where it goes, and the title readers hear and see as a tooltip.</summary>
public sealed record ElementLink(string Href, string Title);
