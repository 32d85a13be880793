namespace Plumb.Modelling.Bpmn;

/// <summary>How forgiving the BPMN reader is with files other tools wrote.</summary>
public sealed record BpmnReadOptions
{
    /// <summary>
    /// Drop what breaks BPMN (elements BPMN does not define, flows whose source or target is missing, repeated ids) with a
    /// warning instead of refusing the file; some tools export such things.
    /// </summary>
    public bool Lenient { get; init; }
}
