namespace Plumb.Editor.Store;

/// <summary>An editor's autosaved work on a document, made on top of version <paramref name="BaseNumber"/>.</summary>
public sealed record Draft(string Document, string User, int BaseNumber, string Content, DateTimeOffset At);
