namespace Plumb.Handbook.Lint;

using Plumb.Handbook.Model;

/// <summary>A step together with where it sits: its process, its procedure and its path in the process document.</summary>
public readonly record struct StepSite(Process Process, Procedure Procedure, Step Step, int ProcedureIndex, int StepIndex)
{
    /// <summary>The step's path, e.g. <c>procedures[0].steps[2]</c>; built only when a problem is reported.</summary>
    public string Path => $"procedures[{ProcedureIndex}].steps[{StepIndex}]";
}
