namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;

/// <summary>
/// What carrying a diagram back into a procedure gave: the procedure (a copy; the original is untouched), roles made for lanes
/// that match no role of the handbook, what the diagram showed that a procedure cannot hold, and a problem when nothing could be read.
/// When <see cref="Refusals"/> is not empty the procedure would differ from what was drawn, and it must not be saved.
/// </summary>
public sealed record ProcedureMerge(Procedure Procedure, IReadOnlyList<Role> NewRoles, IReadOnlyList<string> NotCarried, string? Problem = null)
{
    /// <summary>The edits that would drop a decision, a branch or a step the user did not delete, each with the element to mark.</summary>
    public IReadOnlyList<DiagramRefusal> Refusals { get; init; } = [];
}
