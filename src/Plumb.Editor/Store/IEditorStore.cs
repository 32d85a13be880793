namespace Plumb.Editor.Store;

/// <summary>
/// What the editor keeps: every version of every document, drafts, feedback and presence. Everything lives in the
/// database so that several server instances agree; nothing is held only in one process's memory.
/// </summary>
public interface IEditorStore
{
    /// <summary>Creates the tables when they are missing.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Ids of the documents that have versions.</summary>
    Task<IReadOnlyList<string>> DocumentsAsync(CancellationToken cancellationToken);

    /// <summary>The newest version of a document, if any.</summary>
    Task<DocumentVersion?> HeadAsync(string document, CancellationToken cancellationToken);

    /// <summary>The newest published version of a document, if any.</summary>
    Task<DocumentVersion?> PublishedAsync(string document, CancellationToken cancellationToken);

    /// <summary>One version of a document.</summary>
    Task<DocumentVersion?> VersionAsync(string document, int number, CancellationToken cancellationToken);

    /// <summary>Every version of a document, newest first.</summary>
    Task<IReadOnlyList<DocumentVersion>> HistoryAsync(string document, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a version when the newest one is still <paramref name="expectedHead"/> (0 for a new document);
    /// returns null, and writes nothing, when another save came first.
    /// </summary>
    Task<DocumentVersion?> AppendAsync(
        string document, int expectedHead, string content, string author, DateTimeOffset at, string message, VersionState state,
        CancellationToken cancellationToken);

    /// <summary>Moves a version to another workflow state when it is still in <paramref name="from"/>; false otherwise.</summary>
    Task<bool> TransitionAsync(
        string document, int number, VersionState from, VersionState to, string reviewer, string? comment,
        CancellationToken cancellationToken);

    /// <summary>The user's draft of a document, if any.</summary>
    Task<Draft?> DraftAsync(string document, string user, CancellationToken cancellationToken);

    /// <summary>Saves (replaces) the user's draft of a document.</summary>
    Task SaveDraftAsync(Draft draft, CancellationToken cancellationToken);

    /// <summary>Drops the user's draft of a document.</summary>
    Task DeleteDraftAsync(string document, string user, CancellationToken cancellationToken);

    /// <summary>Records a reader's remark; returns it with its id.</summary>
    Task<Feedback> AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken);

    /// <summary>Feedback on the steps of a process, newest first.</summary>
    Task<IReadOnlyList<Feedback>> FeedbackAsync(string process, CancellationToken cancellationToken);

    /// <summary>Stores an editor's answer and, when made, the finding the feedback became.</summary>
    Task<bool> AnswerFeedbackAsync(long id, string answer, string answeredBy, string? findingId, CancellationToken cancellationToken);

    /// <summary>Records that the user is working on the document now.</summary>
    Task TouchPresenceAsync(Presence presence, CancellationToken cancellationToken);

    /// <summary>Users seen on the document since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<Presence>> PresenceAsync(string document, DateTimeOffset since, CancellationToken cancellationToken);
}
