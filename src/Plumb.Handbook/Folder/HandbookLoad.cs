namespace Plumb.Handbook.Folder;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>What reading a handbook folder gave: the handbook (null on any error), the errors, and each document's source map.</summary>
public sealed record HandbookLoad(Handbook? Handbook, IReadOnlyList<Diagnostic> Errors, IReadOnlyDictionary<string, SourceMap> Maps)
{
    /// <summary>A read that failed before any document was parsed.</summary>
    public static HandbookLoad Failed(Diagnostic error) => new(null, [error], new Dictionary<string, SourceMap>());

    /// <summary>Fills in the line and column of diagnostics that only carry a document path.</summary>
    public Diagnostic Locate(Diagnostic diagnostic) =>
        diagnostic.At is null && Maps.TryGetValue(diagnostic.Document, out var map)
            ? diagnostic with { At = map.Find(diagnostic.Path) }
            : diagnostic;
}
