namespace Plumb.Modelling.Bpmn;

/// <summary>Where a BPMN element is drawn: its bounds and, when it has an outside label, the label's bounds.</summary>
public sealed class BpmnShape
{
    /// <summary>The DI element id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The id of the semantic element shown.</summary>
    public string Element { get; set; } = "";

    /// <summary>The shape's bounds.</summary>
    public Bounds Bounds { get; set; }

    /// <summary>The label's bounds, when the label sits outside the shape.</summary>
    public Bounds? Label { get; set; }

    /// <summary>For pools and lanes: drawn horizontally (the name on the left).</summary>
    public bool? IsHorizontal { get; set; }

    /// <summary>For sub-processes: drawn expanded.</summary>
    public bool? IsExpanded { get; set; }

    /// <summary>For exclusive gateways: the X marker is shown.</summary>
    public bool? IsMarkerVisible { get; set; }
}
