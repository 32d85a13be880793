namespace Plumb.Handbook.Diff;

/// <summary>
/// One difference between two versions of a handbook: its kind; the element's id path (<c>processes/incident/procedures/
/// handle-incident/steps/categorise</c>); the element in words; the field that changed (null when the whole element was
/// added, removed or reordered); the value before and after; and a sentence saying it in domain words.
/// </summary>
public sealed record Change(ChangeKind Kind, string Path, string Location, string? Field, string? Before, string? After, string Message);
