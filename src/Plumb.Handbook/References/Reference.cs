namespace Plumb.Handbook.References;

using Plumb.Handbook.Model;

/// <summary>
/// What a reference such as <c>categorise</c>, <c>problem</c> or <c>problem/investigate/record-cause</c> points at.
/// A bare id names a step of the same procedure, else a procedure of the same process, else a process, else a role
/// (a party outside the flow such as the caller). A path <c>process/procedure[/step]</c> is absolute.
/// </summary>
public sealed record Reference(ReferenceKind Kind, Process? Process = null, Procedure? Procedure = null, Step? Step = null, Role? Role = null)
{
    /// <summary>A reference that points nowhere.</summary>
    public static readonly Reference Unresolved = new(ReferenceKind.Unresolved);

    /// <summary>Resolves <paramref name="text"/> as seen from a process and, optionally, one of its procedures.</summary>
    public static Reference Resolve(Handbook handbook, string text, Process? process, Procedure? procedure)
    {
        if (string.IsNullOrWhiteSpace(text)) return Unresolved;
        var parts = text.Split('/');
        if (parts.Length == 1)
        {
            var id = parts[0];
            if (id == Step.End) return new Reference(ReferenceKind.End, process, procedure);
            if (procedure?.FindStep(id) is { } step) return new Reference(ReferenceKind.Step, process, procedure, step);
            if (process?.FindProcedure(id) is { } sibling) return new Reference(ReferenceKind.Procedure, process, sibling);
            if (handbook.FindProcess(id) is { } other) return new Reference(ReferenceKind.Process, other);
            if (handbook.FindRole(id) is { } role) return new Reference(ReferenceKind.Role, Role: role);
            return Unresolved;
        }

        if (parts.Length > 3 || handbook.FindProcess(parts[0]) is not { } target) return Unresolved;
        if (target.FindProcedure(parts[1]) is not { } targetProcedure) return Unresolved;
        if (parts.Length == 2) return new Reference(ReferenceKind.Procedure, target, targetProcedure);
        return targetProcedure.FindStep(parts[2]) is { } targetStep
            ? new Reference(ReferenceKind.Step, target, targetProcedure, targetStep)
            : Unresolved;
    }

    /// <summary>True when the reference points at something.</summary>
    public bool IsResolved => Kind != ReferenceKind.Unresolved;
}
