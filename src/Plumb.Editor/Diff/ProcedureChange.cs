namespace Plumb.Editor.Diff;

/// <summary>One difference between two versions of a procedure: what kind, the diagram element it marks, and what changed in words.</summary>
public sealed record ProcedureChange(ChangeKind Kind, string Element, string Text);
