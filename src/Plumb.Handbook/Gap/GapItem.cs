namespace Plumb.Handbook.Gap;

/// <summary>
/// One difference between the baseline and a handbook: what kind, about which element, where (ids as a path and in
/// words), the baseline's and the handbook's value when they differ, and a sentence saying it.
/// </summary>
public sealed record GapItem(GapKind Kind, GapElement Element, string Path, string Location, string? Baseline, string? Handbook, string Message);
