namespace Plumb.Handbook.Merge;

/// <summary>The choice made for one conflict, named by its path; <paramref name="Text"/> is used with <see cref="MergeChoice.Custom"/>.</summary>
public sealed record MergeResolution(string Path, MergeChoice Choice, string? Text = null);
