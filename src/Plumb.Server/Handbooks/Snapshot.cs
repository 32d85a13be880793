namespace Plumb.Server.Handbooks;

using System.Collections.Concurrent;
using Plumb.Handbook.Model;
using Plumb.Server.Storage;

/// <summary>
/// One stored version, read once: its documents, the handbook, the search index, and the pages rendered from it.
/// A version never changes once saved, so everything here can be cached without instances disagreeing.
/// </summary>
public sealed class Snapshot
{
    private readonly Lazy<SearchIndex> _search;

    public Snapshot(VersionInfo version, IReadOnlyList<StoredDocument> documents, Handbook handbook)
    {
        Version = version;
        Documents = documents;
        Handbook = handbook;
        _search = new Lazy<SearchIndex>(() => SearchIndex.Build(handbook));
    }

    /// <summary>The version, or number 0 for the empty store.</summary>
    public VersionInfo Version { get; }

    public IReadOnlyList<StoredDocument> Documents { get; }

    public Handbook Handbook { get; }

    public SearchIndex Search => _search.Value;

    /// <summary>Things rendered from this version (pages), by a key the renderer chooses.</summary>
    public ConcurrentDictionary<string, object> Cache { get; } = new(StringComparer.Ordinal);

    public string ETag => $"\"{Version.Number}\"";

    public StoredDocument? FindDocument(string path) => Documents.FirstOrDefault(d => d.Path == path);

    public IReadOnlyDictionary<string, string> DocumentMap() => Documents.ToDictionary(d => d.Path, d => d.Content, StringComparer.Ordinal);

    public static Snapshot Empty(DateTimeOffset at) =>
        new(new VersionInfo(0, "", at, "empty store"), [], new Handbook { Name = "Empty handbook" });
}
