namespace Plumb.ServiceNow.Drift;

/// <summary>
/// One place where the handbook and the instance disagree: a stable code and kind, what it is about, a message, the side to
/// change and how, and where in the handbook it shows (document and path, for line numbers). Notes explain what could not be checked.
/// </summary>
public sealed record DriftItem(
    string Code,
    string Kind,
    string Subject,
    string Message,
    DriftSide Change,
    string Fix,
    string? Document = null,
    string? Path = null,
    bool IsNote = false);
