namespace Plumb.Modelling.Layout;

/// <summary>What the layout places: lanes (top to bottom), nodes in those lanes, the flows between them and the data objects next to them.</summary>
public sealed class LayoutGraph
{
    /// <summary>Lane names, top to bottom.</summary>
    public List<string> Lanes { get; } = [];

    /// <summary>The nodes; the first node without incoming flows starts the layout.</summary>
    public List<LayoutNode> Nodes { get; } = [];

    /// <summary>Sequence flows between nodes.</summary>
    public List<LayoutEdge> Edges { get; } = [];
}

/// <summary>The kind of shape a node is drawn as, which decides its size and where its label goes.</summary>
public enum LayoutNodeKind
{
    /// <summary>A 36×36 circle with the label below.</summary>
    Event,

    /// <summary>A 100×80 rounded rectangle with the label inside.</summary>
    Task,

    /// <summary>A 50×50 diamond with the label below.</summary>
    Gateway,
}

/// <summary>A node to place: its id, shape kind, lane (index into <see cref="LayoutGraph.Lanes"/>), label and attached data objects.</summary>
public sealed record LayoutNode(string Id, LayoutNodeKind Kind, int Lane, string? Label)
{
    /// <summary>Data objects drawn below the node, joined to it by associations.</summary>
    public List<LayoutData> Data { get; } = [];
}

/// <summary>A sequence flow to route, with its optional label (e.g. a branch condition).</summary>
public sealed record LayoutEdge(string Id, string From, string To, string? Label);

/// <summary>A data object below a node and the association that joins them (into the node when it is an input).</summary>
public sealed record LayoutData(string Id, string Label, string AssociationId, bool IsInput);
