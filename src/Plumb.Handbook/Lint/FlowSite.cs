namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Model;

/// <summary>
/// One data flow (an input or an output) with where it is written: on a process, or on a step of one of its procedures.
/// </summary>
public readonly record struct FlowSite(Process Process, Procedure? Procedure, Step? Step, DataFlow Flow, bool IsInput, string Path)
{
    /// <summary>The YAML field that names the other party: <c>from</c> for inputs, <c>to</c> for outputs.</summary>
    public string PartyKey => IsInput ? "from" : "to";

    /// <summary>The owner of the flow in words, e.g. <c>step 'log' (Log the incident)</c>.</summary>
    public string Owner => Step is { } step ? Describe.Step(step) : Describe.Process(Process);
}
