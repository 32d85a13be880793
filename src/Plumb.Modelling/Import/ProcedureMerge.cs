namespace Plumb.Modelling.Import;

using Plumb.Handbook.Model;

/// <summary>
/// What carrying a diagram back into a procedure gave: the procedure (a copy; the original is untouched), roles made for lanes
/// that match no role of the handbook, what the diagram showed that a procedure cannot hold, and a problem when nothing could be read.
/// </summary>
public sealed record ProcedureMerge(Procedure Procedure, IReadOnlyList<Role> NewRoles, IReadOnlyList<string> NotCarried, string? Problem = null);
