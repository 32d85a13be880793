namespace Plumb.Editor.Store;

/// <summary>A reader's remark on a step, the editor's answer, and the finding it became.</summary>
public sealed record Feedback(
    long Id,
    string Process,
    string Procedure,
    string Step,
    string Author,
    string Text,
    DateTimeOffset At,
    string? Answer,
    string? AnsweredBy,
    string? FindingId);
