namespace Plumb.Editor.Web;

using System.Text.Json.Nodes;
using Plumb.Editor.Store;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Merge;

internal sealed record DiagnosticDto(string Code, string Severity, string Message, string Path)
{
    public static DiagnosticDto From(Diagnostic d) => new(d.Code, Diagnostic.SeverityWord(d.Severity), d.Message, d.Path);
}

internal sealed record WorkingCopyDto(string Document, JsonNode Content, int BaseNumber, int HeadNumber, bool IsDraft,
    IReadOnlyList<DiagnosticDto> Diagnostics);

internal sealed record VersionDto(int Number, string Author, DateTimeOffset At, string Message, string State, string? Comment, string? ReviewedBy)
{
    public static VersionDto From(DocumentVersion v) =>
        new(v.Number, v.Author, v.At, v.Message, Services.EditorService.Word(v.State), v.Comment, v.ReviewedBy);
}

internal sealed record ConflictDto(string Path, string Where, string? Base, string? Mine, string? Theirs, bool IsText, bool IsRemoval)
{
    public static ConflictDto From(MergeConflict c) => new(c.Path, c.Where, c.Base, c.Mine, c.Theirs, c.IsText, c.IsRemoval);
}

internal sealed record ResolutionDto(string Path, string Choice, string? Text);

internal sealed record SaveRequest(string? Message, IReadOnlyList<ResolutionDto>? Resolutions);

internal sealed record CommentRequest(string? Comment);

internal sealed record ReviewRequest(bool Approve, string? Comment);

internal sealed record FeedbackRequest(string Process, string Procedure, string Step, string Text);

internal sealed record AnswerRequest(string Process, string Answer, bool MakeFinding, string? Severity, string? PlannedUpdate, string? Text);


internal sealed record DiagramSaveDto(WorkingCopyDto Working, IReadOnlyList<string> NotCarried);
