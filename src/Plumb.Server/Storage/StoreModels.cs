namespace Plumb.Server.Storage;

/// <summary>One saved version of the handbook: who saved it, when, and why.</summary>
public sealed record VersionInfo(long Number, string Author, DateTimeOffset At, string Message);

/// <summary>One YAML document of a version and the version that last changed it (its ETag).</summary>
public sealed record StoredDocument(string Path, string Content, long ChangedIn);

/// <summary>
/// A new version to save on top of <paramref name="BaseVersion"/> (0 for an empty store): the complete set of
/// documents, keyed by their path in a handbook folder (<c>handbook.yaml</c>, <c>processes/ID.yaml</c>).
/// </summary>
/// <remarks>
/// The audit entry (<paramref name="AuditAction"/>) is written in the same transaction as the version. When
/// <paramref name="Approves"/> names a proposal, it is marked approved in that transaction too, and only if it is still in
/// review (or stale); proposals in review that change a document this version changes become stale.
/// </remarks>
public sealed record NewVersion(long BaseVersion, IReadOnlyDictionary<string, string> Documents, string Author, DateTimeOffset At, string Message,
    string AuditAction = "save-version", long? Approves = null, string? Reviewer = null, string? Comment = null);

/// <summary>What saving a version gave: the saved version, or the head that made the save stale.</summary>
public sealed record SaveOutcome(VersionInfo? Saved, long Head, bool ProposalMoved = false)
{
    public bool IsConflict => Saved is null;
}

/// <summary>The rights of an account, each including the ones before it.</summary>
public enum AccountRole
{
    Reader,
    Editor,
    Owner,
    Admin,
}

/// <summary>A local account; the password is kept only as a salted hash.</summary>
public sealed record UserAccount(long Id, string Name, string PasswordHash, AccountRole Role, DateTimeOffset CreatedAt);

/// <summary>An API token of an account; the token itself is kept only as a hash.</summary>
public sealed record ApiToken(long Id, long UserId, string Name, DateTimeOffset CreatedAt, bool Revoked);

/// <summary>One line of the audit trail: who did what, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Detail);
