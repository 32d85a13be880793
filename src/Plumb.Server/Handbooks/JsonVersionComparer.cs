namespace Plumb.Server.Handbooks;

using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;

/// <summary>
/// A small comparer over the JSON shape of the model: lists of things with an <c>id</c> are matched by id (so a moved step
/// is not a change of every step after it), other lists and values by position.
/// </summary>
public sealed class JsonVersionComparer : IVersionComparer
{
    public IReadOnlyList<HandbookChange> Compare(Handbook before, Handbook after)
    {
        var changes = new List<HandbookChange>();
        Walk(JsonSerializer.SerializeToNode(before, HandbookJson.Compact), JsonSerializer.SerializeToNode(after, HandbookJson.Compact), "", changes);
        return changes;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<HandbookChange> changes)
    {
        if (before is null && after is null) return;
        if (before is null) { changes.Add(new HandbookChange(ChangeKind.Added, path, null, Text(after))); return; }
        if (after is null) { changes.Add(new HandbookChange(ChangeKind.Removed, path, Text(before), null)); return; }
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    Walk(a[key], b[key], Join(path, key), changes);
                }

                break;
            case (JsonArray a, JsonArray b) when IsKeyed(a) && IsKeyed(b):
                var left = a.ToDictionary(n => Id(n)!, StringComparer.Ordinal);
                var right = b.ToDictionary(n => Id(n)!, StringComparer.Ordinal);
                foreach (var id in left.Keys.Union(right.Keys))
                {
                    Walk(left.GetValueOrDefault(id), right.GetValueOrDefault(id), $"{path}[{id}]", changes);
                }

                break;
            case (JsonArray a, JsonArray b) when a.All(n => n is JsonValue) && b.All(n => n is JsonValue):
                // Lists of words (objectives, role ids): one change for the whole list reads better than one per position.
                if (Text(a) != Text(b)) changes.Add(new HandbookChange(ChangeKind.Changed, path, Text(a), Text(b)));
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk(i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, $"{path}[{i}]", changes);
                }

                break;
            default:
                if (Text(before) != Text(after)) changes.Add(new HandbookChange(ChangeKind.Changed, path, Text(before), Text(after)));
                break;
        }
    }

    private static bool IsKeyed(JsonArray array)
    {
        var ids = array.Select(Id).ToList();
        return ids.All(id => id is not null) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count;
    }

    private static string? Id(JsonNode? node) => node is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(HandbookJson.Compact),
    };
}
