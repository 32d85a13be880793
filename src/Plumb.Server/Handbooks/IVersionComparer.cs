namespace Plumb.Server.Handbooks;

using Plumb.Handbook.Model;

/// <summary>What changed at one place of the handbook between two versions.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One domain-level change, e.g. <c>processes[incident].procedures[handle].steps[log].instruction</c> changed from one text to another.
/// </summary>
public sealed record HandbookChange(ChangeKind Kind, string Path, string? Before, string? After);

/// <summary>Compares two versions of a handbook as a list of domain-level changes.</summary>
/// <remarks>The port lets the domain's own comparer (Plumb.Handbook.Diff) replace <see cref="JsonVersionComparer"/>.</remarks>
public interface IVersionComparer
{
    IReadOnlyList<HandbookChange> Compare(Handbook before, Handbook after);
}
