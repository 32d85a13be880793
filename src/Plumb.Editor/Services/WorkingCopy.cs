namespace Plumb.Editor.Services;

using Plumb.Handbook.Diagnostics;

/// <summary>The content an editor works on (their draft, or else the newest version), the version it builds on, and its lint.</summary>
public sealed record WorkingCopy(string Document, string Content, int BaseNumber, int HeadNumber, bool IsDraft, IReadOnlyList<Diagnostic> Diagnostics);
