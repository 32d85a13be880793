namespace Plumb.Server.Editor.Services;

using System.Text.Json.Nodes;
using Plumb.Handbook.Merge;

/// <summary>
/// One change a form makes to a document, addressed by a lint-style path (<c>procedures[0].steps[2].instruction</c>):
/// set a field, add an item to a list (at the end or at an index), remove an item, or move it up or down.
/// </summary>
public sealed record JsonPatch(string Op, string Path, JsonNode? Value = null, int? Index = null)
{
    /// <summary>Applies the change; returns a one-line problem naming the path when it cannot be applied.</summary>
    public string? ApplyTo(JsonNode root)
    {
        var segments = NodePath.TryParse(Path);
        if (segments is null || segments.Count == 0) return $"'{Path}' is not a field path";
        JsonNode? parent = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            parent = segments[i] switch
            {
                int index when parent is JsonArray a && index < a.Count => a[index],
                string name when parent is JsonObject o => o[name] ?? (o[name] = segments[i + 1] is int ? new JsonArray() : new JsonObject()),
                _ => null,
            };
            if (parent is null) return $"'{Path}' does not exist";
        }

        return (Op, parent, segments[^1]) switch
        {
            ("set", JsonObject o, string name) => Set(o, name),
            ("set", JsonArray a, int index) when index < a.Count => SetAt(a, index),
            ("add", JsonObject o, string name) => Add(o, name),
            ("remove", JsonArray a, int index) when index < a.Count => RemoveAt(a, index),
            ("remove", JsonObject o, string name) => o.Remove(name) ? null : null,
            ("up", JsonArray a, int index) when index > 0 && index < a.Count => Swap(a, index, index - 1),
            ("down", JsonArray a, int index) when index + 1 < a.Count => Swap(a, index, index + 1),
            _ => $"cannot {Op} '{Path}'",
        };
    }

    private string? Set(JsonObject o, string name)
    {
        if (Value is null) o.Remove(name);
        else o[name] = Value.DeepClone();
        return null;
    }

    private string? SetAt(JsonArray a, int index)
    {
        a[index] = Value?.DeepClone();
        return null;
    }

    private string? Add(JsonObject o, string name)
    {
        if (o[name] is not JsonArray list) o[name] = list = [];
        var item = Value?.DeepClone();
        if (Index is { } at && at >= 0 && at <= list.Count) list.Insert(at, item);
        else list.Add(item);
        return null;
    }

    private static string? RemoveAt(JsonArray a, int index)
    {
        a.RemoveAt(index);
        return null;
    }

    private static string? Swap(JsonArray a, int i, int j)
    {
        var first = a[i];
        var second = a[j];
        a[i] = null;
        a[j] = null;
        a[i] = second;
        a[j] = first;
        return null;
    }
}
