namespace Plumb.Server.Handbooks;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;

/// <summary>Compares versions with the domain's own diff, so the API speaks the same words as <c>plumb diff</c>.</summary>
public sealed class DomainVersionComparer : IVersionComparer
{
    public IReadOnlyList<HandbookChange> Compare(Handbook before, Handbook after) =>
        [.. HandbookDiff.Compare(before, after).Select(c => new HandbookChange(
            c.Kind switch
            {
                Plumb.Handbook.Diff.ChangeKind.Added => ChangeKind.Added,
                Plumb.Handbook.Diff.ChangeKind.Removed => ChangeKind.Removed,
                _ => ChangeKind.Changed,
            },
            c.Field is null ? c.Path : $"{c.Path}/{c.Field}",
            c.Before,
            c.After)
        {
            Message = c.Message,
        })];
}
