namespace Plumb.Server.Editor.Services;

using Plumb.Modelling.Import;
using Plumb.Server.Editor.Diff;

/// <summary>
/// What saving a diagram did or, for a preview, would do: the new working copy (none for a preview), the changes to the procedure,
/// what the diagram showed that a procedure cannot hold, the edits refused (nothing is saved then), or a problem and its HTTP status.
/// </summary>
public sealed record DiagramSave(WorkingCopy? Copy, IReadOnlyList<string> NotCarried, string? Problem, int Status)
{
    /// <summary>Edits that would drop a decision, a branch or a step the user did not delete; when there are any, nothing was saved.</summary>
    public IReadOnlyList<DiagramRefusal> Refusals { get; init; } = [];

    /// <summary>The procedure's changes between the working copy and the diagram as drawn.</summary>
    public ProcedureDiff? Changes { get; init; }
}
