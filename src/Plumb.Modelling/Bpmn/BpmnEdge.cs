namespace Plumb.Modelling.Bpmn;

/// <summary>Where a flow or association is drawn: its waypoints and, when named, the label's bounds.</summary>
public sealed class BpmnEdge
{
    /// <summary>The DI element id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The id of the semantic element shown.</summary>
    public string Element { get; set; } = "";

    /// <summary>The waypoints, at least two.</summary>
    public List<Point> Waypoints { get; } = [];

    /// <summary>The label's bounds, when the edge has a label.</summary>
    public Bounds? Label { get; set; }
}
