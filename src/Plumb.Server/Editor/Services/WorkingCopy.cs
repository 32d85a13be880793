namespace Plumb.Server.Editor.Services;

using Plumb.Handbook.Diagnostics;
using Plumb.Server.Storage;

/// <summary>
/// The content an editor works on (their draft, else their open proposal, else the head), the version it builds on, the
/// head, the proposal it belongs to, and its lint.
/// </summary>
public sealed record WorkingCopy(string Document, string Content, long BaseNumber, long HeadNumber, bool IsDraft, Proposal? Proposal,
    IReadOnlyList<Diagnostic> Diagnostics);
