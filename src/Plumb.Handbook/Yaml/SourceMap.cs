namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;

/// <summary>Where each path of a document (<c>procedures[0].steps[2].raci</c>) starts in its file.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    internal void Add(string path, SourceLocation at) => _locations.TryAdd(path, at);

    /// <summary>For each line that starts a field or list item, the shortest path there (the item rather than its first field).</summary>
    internal Dictionary<int, string> PathsByLine()
    {
        var byLine = new Dictionary<int, string>();
        foreach (var (path, at) in _locations)
        {
            if (!byLine.TryGetValue(at.Line, out var current) || path.Length < current.Length) byLine[at.Line] = path;
        }

        return byLine;
    }

    /// <summary>
    /// The position of <paramref name="path"/>, or of its closest ancestor that is in the file
    /// (a missing field is reported where its parent starts).
    /// </summary>
    public SourceLocation? Find(string path)
    {
        var current = path;
        while (true)
        {
            if (_locations.TryGetValue(current, out var at)) return at;
            if (current.Length == 0) return null;
            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut <= 0 ? "" : current[..cut];
        }
    }
}
