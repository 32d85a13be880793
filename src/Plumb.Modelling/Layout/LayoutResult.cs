namespace Plumb.Modelling.Layout;

using Plumb.Modelling.Bpmn;

/// <summary>Where everything went: bounds of pool, lanes, nodes, data objects and labels; waypoints of every edge.</summary>
public sealed class LayoutResult
{
    /// <summary>The pool holding every lane.</summary>
    public Bounds Pool { get; set; }

    /// <summary>Lane bounds, in lane order.</summary>
    public List<Bounds> Lanes { get; } = [];

    /// <summary>Bounds of nodes and data objects by id.</summary>
    public Dictionary<string, Bounds> Shapes { get; } = new(StringComparer.Ordinal);

    /// <summary>Bounds of labels drawn outside their shape or edge, by the id of the shape or edge.</summary>
    public Dictionary<string, Bounds> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>Waypoints of sequence flows and data associations, by id.</summary>
    public Dictionary<string, List<Point>> Edges { get; } = new(StringComparer.Ordinal);

    /// <summary>The lane index of each node.</summary>
    public Dictionary<string, int> LaneOf { get; } = new(StringComparer.Ordinal);
}
