namespace Plumb.Modelling.Bpmn;

using Plumb.Handbook.Diagnostics;

/// <summary>What reading a BPMN file gave: the model (null when it could not be read) and every problem found.</summary>
public sealed record BpmnReadResult(BpmnDefinitions? Definitions, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the model was read and no error was found.</summary>
    public bool Succeeded => Definitions is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}
