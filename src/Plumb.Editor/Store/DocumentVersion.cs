namespace Plumb.Editor.Store;

/// <summary>
/// One saved version of a handbook document (<c>handbook</c> or <c>process:ID</c>): the model as JSON, who saved it,
/// when, why, and where it stands in the workflow (with the reviewer's comment when sent back or approved).
/// </summary>
public sealed record DocumentVersion(
    string Document,
    int Number,
    string Content,
    string Author,
    DateTimeOffset At,
    string Message,
    VersionState State,
    string? Comment,
    string? ReviewedBy);
