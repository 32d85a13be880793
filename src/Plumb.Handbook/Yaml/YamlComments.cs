namespace Plumb.Handbook.Yaml;

using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

/// <summary>
/// The comments of a YAML document, each attached to the field it sits on (a comment at the end of a line) or
/// above (comment lines before a field), so that rewriting a file keeps them. A comment whose field no longer
/// exists after the rewrite is dropped; the schema line the writer puts first is not carried twice.
/// </summary>
public sealed class YamlComments
{
    private readonly List<Attached> _comments;

    private YamlComments(List<Attached> comments) => _comments = comments;

    /// <summary>True when the document had no comments to keep.</summary>
    public bool IsEmpty => _comments.Count == 0;

    /// <summary>Collects the comments of <paramref name="text"/>, using the source map its reader built.</summary>
    public static YamlComments Read(string text, SourceMap map)
    {
        var paths = map.PathsByLine();
        var lines = text.Split('\n');
        var comments = new List<Attached>();
        var pending = new List<string>();
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is not Comment comment) continue;
                var line = (int)comment.Start.Line;
                var source = lines[line - 1];
                var column = Math.Clamp((int)comment.Start.Column - 1, 0, source.Length);
                var body = source[column..].TrimEnd('\r', ' ');
                if (!body.StartsWith('#')) body = "# " + comment.Value;
                if (body.StartsWith("# yaml-language-server:", StringComparison.Ordinal)) continue;
                if (comment.IsInline && paths.TryGetValue(line, out var path))
                {
                    comments.Add(new Attached(path, [body], Inline: true));
                    continue;
                }

                pending.Add(body);
                var next = paths.Keys.Where(l => l > line).DefaultIfEmpty(-1).Min();
                // A block of comment lines goes above the field that follows it, together.
                if (line < lines.Length && lines[line].TrimStart().StartsWith('#') && (next < 0 || line + 1 < next)) continue;
                comments.Add(new Attached(next < 0 ? null : paths[next], [.. pending], Inline: false));
                pending.Clear();
            }
        }
        catch (YamlException)
        {
            // A file that cannot be scanned has no comments worth carrying; the reader reports the syntax error.
            return new YamlComments([]);
        }

        return new YamlComments(comments);
    }

    /// <summary>Puts the comments back into <paramref name="text"/>, a rewrite of the document, using its source map.</summary>
    public string Apply(string text, SourceMap map)
    {
        if (_comments.Count == 0) return text;
        var lineOf = map.PathsByLine().ToDictionary(e => e.Value, e => e.Key, StringComparer.Ordinal);
        var lines = text.Split('\n').ToList();
        var above = new Dictionary<int, List<string>>();
        var trailing = new List<string>();
        foreach (var comment in _comments)
        {
            if (comment.Path is null)
            {
                trailing.AddRange(comment.Lines);
                continue;
            }

            if (!lineOf.TryGetValue(comment.Path, out var line)) continue;
            if (comment.Inline) lines[line - 1] += "   " + comment.Lines[0];
            else if (above.TryGetValue(line, out var list)) list.AddRange(comment.Lines);
            else above[line] = [.. comment.Lines];
        }

        var result = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (above.TryGetValue(i + 1, out var comments))
            {
                var indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ').Length)];
                foreach (var comment in comments) result.Append(indent).Append(comment).Append('\n');
            }

            result.Append(lines[i]);
            if (i < lines.Count - 1) result.Append('\n');
        }

        foreach (var comment in trailing) result.Append(comment).Append('\n');
        return result.ToString();
    }

    private sealed record Attached(string? Path, List<string> Lines, bool Inline);
}
