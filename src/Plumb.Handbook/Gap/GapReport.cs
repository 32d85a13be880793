namespace Plumb.Handbook.Gap;

/// <summary>The outcome of comparing a handbook with the baseline: every gap, in baseline order.</summary>
public sealed record GapReport(IReadOnlyList<GapItem> Items)
{
    /// <summary>True when the handbook has everything the baseline has, the same way.</summary>
    public bool IsEmpty => Items.Count == 0;

    /// <summary>How many gaps of one kind.</summary>
    public int Count(GapKind kind) => Items.Count(i => i.Kind == kind);
}
