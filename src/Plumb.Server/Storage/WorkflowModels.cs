namespace Plumb.Server.Storage;

/// <summary>Where a proposal stands: draft → in review → approved, or sent back, or stale when the handbook moved under it.</summary>
public enum ProposalState
{
    /// <summary>Saved by its author, not yet submitted.</summary>
    Draft,

    /// <summary>Submitted; waits for an owner.</summary>
    InReview,

    /// <summary>Merged into the handbook as a new version.</summary>
    Approved,

    /// <summary>Returned to its author, with the reviewer's comment or the fields that conflict with the head.</summary>
    SentBack,

    /// <summary>In review while someone saved a version that changed one of its documents; approving it merges, it never overwrites.</summary>
    Stale,
}

/// <summary>The text a proposal gives one document: the whole YAML document, or null when the proposal removes it.</summary>
public sealed record ProposedDocument(string Path, string? Content);

/// <summary>
/// A change to one or more documents of the handbook, made on <paramref name="BaseVersion"/> by <paramref name="Author"/>,
/// and where it stands in review. Proposals are not history: the version an approval makes is.
/// </summary>
public sealed record Proposal(
    long Id,
    string Author,
    ProposalState State,
    long BaseVersion,
    string Title,
    string? Reviewer,
    string? Comment,
    string? Conflicts,
    long? MergedAs,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ProposedDocument> Documents)
{
    /// <summary>True until the proposal is approved.</summary>
    public bool IsOpen => State is not ProposalState.Approved;

    /// <summary>The proposed text of a document, when the proposal changes it.</summary>
    public ProposedDocument? Find(string path) => Documents.FirstOrDefault(d => d.Path == path);
}

/// <summary>One step of a proposal's review: who did what, when, with what comment.</summary>
public sealed record ProposalEvent(long ProposalId, DateTimeOffset At, string Actor, string Action, string? Comment);

/// <summary>An editor's autosaved work on a document (the model as JSON), made on handbook version <paramref name="BaseVersion"/>.</summary>
public sealed record Draft(string Path, string User, long BaseVersion, string Content, DateTimeOffset At);

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

/// <summary>An editor seen working on a document, and when.</summary>
public sealed record Presence(string Path, string User, DateTimeOffset SeenAt);

/// <summary>One row of the tables the editor kept before it became part of the server's store.</summary>
public sealed record LegacyEditorVersion(string Document, int Number, string Content, string Author, string At, string Message, string State,
    string? Comment, string? ReviewedBy);

/// <summary>A draft as the editor kept it before (its base is the editor's own version number).</summary>
public sealed record LegacyEditorDraft(string Document, string User, int BaseNumber, string Content, string At);

/// <summary>What the editor's former tables held; the tables themselves are kept, renamed, after the import.</summary>
public sealed record LegacyEditorData(IReadOnlyList<LegacyEditorVersion> Versions, IReadOnlyList<LegacyEditorDraft> Drafts, IReadOnlyList<Feedback> Feedback);
