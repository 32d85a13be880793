namespace Plumb.Server.Editor.Diff;

using Plumb.Handbook.Diff;

/// <summary>A diagram element to highlight in one side of the visual diff: a task, gateway or sequence flow, added, removed or changed.</summary>
public sealed record DiagramMark(string Element, ChangeKind Kind);
