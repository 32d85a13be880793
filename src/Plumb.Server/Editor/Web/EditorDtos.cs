namespace Plumb.Server.Editor.Web;

using System.Text.Json.Nodes;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Merge;
using Plumb.Server.Storage;
using Plumb.Server.Workflow;

internal sealed record DiagnosticDto(string Code, string Severity, string Message, string Path)
{
    public static DiagnosticDto From(Diagnostic d) => new(d.Code, Diagnostic.SeverityWord(d.Severity), d.Message, d.Path);
}

internal sealed record WorkingCopyDto(string Document, JsonNode Content, long BaseNumber, long HeadNumber, bool IsDraft, ProposalDto? Proposal,
    IReadOnlyList<DiagnosticDto> Diagnostics);

internal sealed record VersionDto(long Number, string Author, DateTimeOffset At, string Message)
{
    public static VersionDto From(VersionInfo v) => new(v.Number, v.Author, v.At, v.Message);
}

/// <summary>A proposal as the API shows it; <c>conflicts</c> lists the fields it was sent back for.</summary>
public sealed record ProposalDto(long Id, string Author, string State, long BaseVersion, string Title, string? Reviewer, string? Comment,
    long? MergedAs, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> Documents, IReadOnlyList<ProposalConflict> Conflicts)
{
    public static ProposalDto From(Proposal p) => new(p.Id, p.Author, ProposalService.Word(p.State), p.BaseVersion, p.Title, p.Reviewer, p.Comment,
        p.MergedAs, p.CreatedAt, p.UpdatedAt, [.. p.Documents.Select(d => d.Path)], ProposalConflict.Parse(p.Conflicts));
}

internal sealed record ConflictDto(string Path, string Where, string? Base, string? Mine, string? Theirs, bool IsText, bool IsRemoval)
{
    public static ConflictDto From(MergeConflict c) => new(c.Path, c.Where, c.Base, c.Mine, c.Theirs, c.IsText, c.IsRemoval);
}

internal sealed record ResolutionDto(string Path, string Choice, string? Text);

internal sealed record SaveRequest(string? Message, IReadOnlyList<ResolutionDto>? Resolutions);

internal sealed record CommentRequest(string? Comment);

internal sealed record ReviewRequest(bool Approve, string? Comment, long? Proposal = null);

internal sealed record MarkdownRequest(string? Text);

internal sealed record FeedbackRequest(string Process, string Procedure, string Step, string Text);

internal sealed record AnswerRequest(string Process, string Answer, bool MakeFinding, string? Severity, string? PlannedUpdate, string? Text);

internal sealed record DiagramSaveDto(WorkingCopyDto Working, IReadOnlyList<string> NotCarried);
