namespace Plumb.Server.Editor.Services;

/// <summary>What saving a diagram did: the new working copy and what the diagram showed that a procedure cannot hold, or a problem and its HTTP status.</summary>
public sealed record DiagramSave(WorkingCopy? Copy, IReadOnlyList<string> NotCarried, string? Problem, int Status);
