namespace Plumb.Handbook.Merge;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>Reads lint-style field paths (<c>procedures[0].steps[2].instruction</c>) against a JSON tree of the model.</summary>
public static class NodePath
{
    /// <summary>Sets the field the path names, making missing objects on the way.</summary>
    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        switch (parent, last)
        {
            case (JsonObject o, string name): o[name] = value; break;
            case (JsonArray a, int index) when index < a.Count: a[index] = value; break;
            default: break;
        }
    }

    /// <summary>Removes the field or list item the path names.</summary>
    public static void Remove(JsonNode root, string path)
    {
        var (parent, last) = Parent(root, path);
        if (parent is JsonArray a && last is int index && index < a.Count) a.RemoveAt(index);
        else if (parent is JsonObject o && last is string name) o.Remove(name);
    }

    /// <summary>The list index the path ends with, or -1.</summary>
    public static int LastIndex(string path)
    {
        var segments = Segments(path);
        return segments.Count > 0 && segments[^1] is int index ? index : -1;
    }

    private static (JsonNode? Parent, object? Last) Parent(JsonNode root, string path)
    {
        var segments = Segments(path);
        JsonNode? node = root;
        for (var i = 0; i < segments.Count - 1 && node is not null; i++)
        {
            node = segments[i] switch
            {
                int index when node is JsonArray a && index < a.Count => a[index],
                string name when node is JsonObject o => o[name] ?? (o[name] = new JsonObject()),
                _ => null,
            };
        }

        return (node, segments.Count == 0 ? null : segments[^1]);
    }

    /// <summary>The path's segments: names as strings, list indexes as ints; null when an index is not a number.</summary>
    public static List<object>? TryParse(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0) { segments.Add(part); continue; }
            if (bracket > 0) segments.Add(part[..bracket]);
            foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) return null;
                segments.Add(i);
            }
        }

        return segments;
    }

    private static List<object> Segments(string path) => TryParse(path) ?? [];
}
