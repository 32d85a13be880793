namespace Plumb.Server.Storage;

/// <summary>
/// The one storage port of the server: handbook versions (YAML documents plus author, time and message), accounts,
/// API tokens, cookie sessions, the audit trail and the keys that protect cookies. Everything an instance needs lives here, so several
/// instances can share one database.
/// </summary>
public interface IPlumbStore
{
    /// <summary>A short name of the store for logs, such as "SQLite plumb.db".</summary>
    string Description { get; }

    /// <summary>Creates the schema or brings it up to date; safe to run from several instances at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<VersionInfo?> GetHeadAsync(CancellationToken cancellationToken);

    Task<VersionInfo?> GetVersionAsync(long number, CancellationToken cancellationToken);

    /// <summary>Versions, newest first.</summary>
    Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The documents of a version, ordered by path; empty when the version does not exist.</summary>
    Task<IReadOnlyList<StoredDocument>> GetDocumentsAsync(long number, CancellationToken cancellationToken);

    /// <summary>Saves a version when the head is still <see cref="NewVersion.BaseVersion"/>; otherwise nothing is written.</summary>
    Task<SaveOutcome> SaveVersionAsync(NewVersion version, CancellationToken cancellationToken);

    /// <summary>Creates an account; null when the name is taken.</summary>
    Task<UserAccount?> CreateUserAsync(string name, string passwordHash, AccountRole role, DateTimeOffset at, CancellationToken cancellationToken);

    Task<UserAccount?> FindUserAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>Changes the password hash and/or role; false when there is no such account.</summary>
    Task<bool> UpdateUserAsync(string name, string? passwordHash, AccountRole? role, CancellationToken cancellationToken);

    Task<ApiToken> CreateTokenAsync(long userId, string name, string tokenHash, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The account an unrevoked token belongs to.</summary>
    Task<UserAccount?> FindUserByTokenAsync(string tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiToken>> ListTokensAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Revokes a token of the account; false when it has no such token.</summary>
    Task<bool> RevokeTokenAsync(long userId, long tokenId, CancellationToken cancellationToken);

    /// <summary>Records a cookie session of the account (only the hash of its secret id); removes sessions created before <paramref name="expiredBefore"/>.</summary>
    Task CreateSessionAsync(long userId, string sessionHash, DateTimeOffset at, DateTimeOffset expiredBefore, CancellationToken cancellationToken);

    /// <summary>The account of a session that has not ended and was created at or after <paramref name="expiredBefore"/>.</summary>
    Task<UserAccount?> FindUserBySessionAsync(string sessionHash, DateTimeOffset expiredBefore, CancellationToken cancellationToken);

    /// <summary>Ends one session (sign-out); false when it had already ended.</summary>
    Task<bool> EndSessionAsync(string sessionHash, CancellationToken cancellationToken);

    /// <summary>Ends every session of the account except <paramref name="exceptSessionHash"/>; returns how many ended.</summary>
    Task<int> EndSessionsAsync(long userId, string? exceptSessionHash, CancellationToken cancellationToken);

    Task AppendAuditAsync(DateTimeOffset at, string actor, string action, string detail, CancellationToken cancellationToken);

    /// <summary>Audit entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Data-protection key ring entries (XML), shared by every instance.</summary>
    Task<IReadOnlyList<string>> GetProtectionKeysAsync(CancellationToken cancellationToken);

    Task AddProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken);

    /// <summary>Starts a proposal in the draft state.</summary>
    Task<Proposal> CreateProposalAsync(string author, long baseVersion, string title, IReadOnlyList<ProposedDocument> documents, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Replaces the documents and base of an open proposal and puts it back to draft; false when it is approved or missing.</summary>
    Task<bool> UpdateProposalAsync(long id, long baseVersion, string title, IReadOnlyList<ProposedDocument> documents, string actor, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Moves a proposal to <paramref name="to"/> when it is in one of <paramref name="from"/>; false otherwise.</summary>
    Task<bool> TransitionProposalAsync(long id, IReadOnlyList<ProposalState> from, ProposalState to, string actor, string? comment, string? conflicts,
        DateTimeOffset at, CancellationToken cancellationToken);

    Task<Proposal?> GetProposalAsync(long id, CancellationToken cancellationToken);

    /// <summary>Proposals, oldest first; only those changing <paramref name="path"/> when given, only open ones when asked.</summary>
    Task<IReadOnlyList<Proposal>> ListProposalsAsync(string? path, bool openOnly, CancellationToken cancellationToken);

    /// <summary>How many proposals are in one of <paramref name="states"/>: the owners' header counts them on every page.</summary>
    Task<int> CountProposalsAsync(IReadOnlyCollection<ProposalState> states, CancellationToken cancellationToken);

    /// <summary>The review steps of a proposal, oldest first.</summary>
    Task<IReadOnlyList<ProposalEvent>> ListProposalEventsAsync(long id, CancellationToken cancellationToken);

    /// <summary>The versions that changed one document, newest first.</summary>
    Task<IReadOnlyList<VersionInfo>> ListDocumentVersionsAsync(string path, CancellationToken cancellationToken);

    Task<Draft?> GetDraftAsync(string path, string user, CancellationToken cancellationToken);

    /// <summary>Saves (replaces) the user's draft of a document.</summary>
    Task SaveDraftAsync(Draft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the user's draft only while it still holds <paramref name="expected"/> (null: only while there is none): the content
    /// read is the version the write is based on. False when another save came first; nothing is written then.
    /// </summary>
    Task<bool> ReplaceDraftAsync(Draft draft, string? expected, CancellationToken cancellationToken);

    Task DeleteDraftAsync(string path, string user, CancellationToken cancellationToken);

    /// <summary>Records a reader's remark; returns it with its id.</summary>
    Task<Feedback> AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken);

    /// <summary>Feedback on the steps of a process, newest first.</summary>
    Task<IReadOnlyList<Feedback>> ListFeedbackAsync(string process, CancellationToken cancellationToken);

    /// <summary>The answered feedback on one step, oldest first: what its page shows on every request, so one indexed query.</summary>
    Task<IReadOnlyList<Feedback>> ListAnswersAsync(string process, string procedure, string step, CancellationToken cancellationToken);

    /// <summary>Stores an editor's answer and, when made, the finding the feedback became.</summary>
    Task<bool> AnswerFeedbackAsync(long id, string answer, string answeredBy, string? findingId, CancellationToken cancellationToken);

    Task TouchPresenceAsync(Presence presence, CancellationToken cancellationToken);

    /// <summary>Users seen on the document since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<Presence>> ListPresenceAsync(string path, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The editor's former tables, read and renamed in one transaction (null when there are none); see <see cref="SqlStore"/>.</summary>
    Task<LegacyEditorData?> TakeLegacyEditorDataAsync(CancellationToken cancellationToken);
}
