namespace Plumb.Server.Handbooks;

using System.Collections.Concurrent;
using Plumb.Handbook.Diagnostics;
using Plumb.Server.Storage;

/// <summary>The result of saving: the new snapshot, or why nothing was saved.</summary>
public sealed record SaveResult(Snapshot? Saved, long Head, IReadOnlyList<Diagnostic> Malformed, IReadOnlyList<Diagnostic> Violations)
{
    public bool IsConflict => Saved is null && Malformed.Count == 0 && Violations.Count == 0;
}

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
        CancellationToken cancellationToken)
    {
        var read = DocumentSet.Read(documents, lint: true);
        if (!read.Succeeded) return new SaveResult(null, baseVersion, read.Malformed, read.Violations);
        var outcome = await store.SaveVersionAsync(new NewVersion(baseVersion, documents, author, time.GetUtcNow(), message), cancellationToken);
        if (outcome.Saved is not { } saved) return new SaveResult(null, outcome.Head, [], []);
        await store.AppendAuditAsync(saved.At, author, "save-version", $"version {saved.Number}: {message}", cancellationToken);
        return new SaveResult(await LoadAsync(saved, cancellationToken), saved.Number, [], []);
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
