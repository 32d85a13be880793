namespace Plumb.Editor.Store;

/// <summary>An editor seen working on a document, and when.</summary>
public sealed record Presence(string Document, string User, DateTimeOffset SeenAt);
