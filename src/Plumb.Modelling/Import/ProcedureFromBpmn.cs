namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

/// <summary>
/// Carries an edited diagram of a procedure back into the procedure: the diagram <see cref="ProcedureModeller"/> wrote, after
/// someone changed it in a modeler. Tasks become steps (known by their <c>Step_</c> ids; a new task becomes a new step placed after
/// the step that leads to it, answering to the procedure's accountable role; a task gone from the diagram drops its step), sequence
/// flows become next steps, decisions and joins, and lanes become the first responsible role (a lane no role matches becomes a new
/// role, not yet in place). What the diagram does not show stays as it was: instructions, RACI beyond the responsible role,
/// inputs and outputs, tool mapping, review and findings.
/// </summary>
public static class ProcedureFromBpmn
{
    /// <summary>Merges the diagram into a copy of <paramref name="procedure"/> of <paramref name="process"/>.</summary>
    public static ProcedureMerge Merge(Handbook handbook, Process process, Procedure procedure, BpmnDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(handbook);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(definitions);
        return new DiagramMerge(handbook, process, procedure, definitions).Run();
    }
}
