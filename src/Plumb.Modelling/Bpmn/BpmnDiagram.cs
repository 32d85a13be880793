namespace Plumb.Modelling.Bpmn;

/// <summary>One BPMNDI diagram: a plane showing a collaboration or process, with its shapes and edges.</summary>
public sealed class BpmnDiagram
{
    /// <summary>The diagram id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The diagram name, if any.</summary>
    public string? Name { get; set; }

    /// <summary>The id of the plane.</summary>
    public string PlaneId { get; set; } = "";

    /// <summary>The collaboration or process the plane shows.</summary>
    public string? PlaneElement { get; set; }

    /// <summary>Shapes in drawing order (pools and lanes first).</summary>
    public List<BpmnShape> Shapes { get; } = [];

    /// <summary>Edges in drawing order.</summary>
    public List<BpmnEdge> Edges { get; } = [];
}
