namespace Plumb.Server.Handbooks;

using System.Collections.Concurrent;
using Plumb.Handbook.Diagnostics;
using Plumb.Server.Storage;

/// <summary>The result of saving: the new snapshot, or why nothing was saved.</summary>
public sealed record SaveResult(Snapshot? Saved, long Head, IReadOnlyList<Diagnostic> Malformed, IReadOnlyList<Diagnostic> Violations)
{
    public bool IsConflict => Saved is null && !ProposalMoved && Malformed.Count == 0 && Violations.Count == 0;

    /// <summary>True when the proposal the save would approve was no longer waiting for review (someone else decided first).</summary>
    public bool ProposalMoved { get; init; }
}

/// <summary>
/// The result of saving some documents: the new snapshot; or the document that changed since the caller read it
/// (<see cref="Stale"/>, with the version that changed it); or the save's problems (<see cref="Result"/>).
/// </summary>
public sealed record DocumentSaveResult(Snapshot? Saved, SaveResult? Result, string? Stale, long? StaleChangedIn);

/// <summary>
/// Reads and saves handbook versions. Every request asks the store for the head (so instances sharing a database agree),
/// and parsed versions are cached by number because a saved version never changes.
/// </summary>
public sealed class HandbookService(IPlumbStore store, TimeProvider time)
{
    private const int CachedVersions = 8;
    private readonly ConcurrentDictionary<long, Snapshot> _cache = new();

    public IPlumbStore Store => store;

    public async Task<Snapshot> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var head = await store.GetHeadAsync(cancellationToken);
        return head is null ? Snapshot.Empty(time.GetUtcNow()) : await LoadAsync(head, cancellationToken);
    }

    public async Task<Snapshot?> GetVersionAsync(long number, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(number, out var cached)) return cached;
        var version = await store.GetVersionAsync(number, cancellationToken);
        return version is null ? null : await LoadAsync(version, cancellationToken);
    }

    /// <summary>Saves a complete set of documents on top of <paramref name="baseVersion"/>.</summary>
    public async Task<SaveResult> SaveAsync(long baseVersion, IReadOnlyDictionary<string, string> documents, string author, string message,
        CancellationToken cancellationToken) =>
        await SaveAsync(new NewVersion(baseVersion, documents, author, time.GetUtcNow(), message), cancellationToken);

    /// <summary>Saves a version after checking its documents (and lint); the audit entry is written in the same transaction.</summary>
    public async Task<SaveResult> SaveAsync(NewVersion version, CancellationToken cancellationToken)
    {
        var read = DocumentSet.Read(version.Documents, lint: true);
        if (!read.Succeeded) return new SaveResult(null, version.BaseVersion, read.Malformed, read.Violations);
        var outcome = await store.SaveVersionAsync(version, cancellationToken);
        if (outcome.Saved is not { } saved) return new SaveResult(null, outcome.Head, [], []) { ProposalMoved = outcome.ProposalMoved };
        return new SaveResult(await LoadAsync(saved, cancellationToken), saved.Number, [], []);
    }

    /// <summary>
    /// Changes some documents of the head (null content removes one), each only while it is still the version the caller
    /// read (<paramref name="expected"/>: the version that last changed it, or null for "must not exist yet"). A save that
    /// loses the race for the next version number to a save of other documents is made again on the new head, so writers
    /// of different documents never see a conflict; only a change to the same document does.
    /// </summary>
    public async Task<DocumentSaveResult> SaveDocumentsAsync(IReadOnlyDictionary<string, string?> changes, IReadOnlyDictionary<string, long?> expected,
        string author, string message, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshot = await GetCurrentAsync(cancellationToken);
            foreach (var (path, version) in expected)
            {
                var current = snapshot.FindDocument(path);
                if (current?.ChangedIn != version) return new DocumentSaveResult(null, null, path, current?.ChangedIn);
            }

            var documents = new Dictionary<string, string>(snapshot.DocumentMap(), StringComparer.Ordinal);
            foreach (var (path, content) in changes)
            {
                if (content is null) documents.Remove(path);
                else documents[path] = content;
            }

            var result = await SaveAsync(snapshot.Version.Number, documents, author, message, cancellationToken);
            // A conflict here means another save took the next number first: that save made progress, so trying again ends.
            if (!result.IsConflict) return new DocumentSaveResult(result.Saved, result, null, null);
        }
    }

    private async Task<Snapshot> LoadAsync(VersionInfo version, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(version.Number, out var cached)) return cached;
        var documents = await store.GetDocumentsAsync(version.Number, cancellationToken);
        var map = documents.ToDictionary(d => d.Path, d => d.Content, StringComparer.Ordinal);

        // Stored versions were checked on save; lint rules may have grown since, so only reading errors count here.
        var read = DocumentSet.Read(map, lint: false);
        var handbook = read.Handbook ?? throw new InvalidOperationException(
            $"version {version.Number} cannot be read: {string.Join("; ", read.Malformed.Concat(read.Violations).Select(d => d.Format()))}");
        var snapshot = new Snapshot(version, documents, handbook);
        _cache[version.Number] = snapshot;
        foreach (var old in _cache.Keys.OrderDescending().Skip(CachedVersions)) _cache.TryRemove(old, out _);
        return snapshot;
    }
}
