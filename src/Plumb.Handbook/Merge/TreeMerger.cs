namespace Plumb.Handbook.Merge;

using System.Text.Json.Nodes;

// Three-way merge of JSON trees of the model. Objects merge field by field; lists of items with an "id"
// merge item by item (matched by id, keeping this side's order and placing the other side's new items after
// their neighbour); other lists (role ids, activities, data flows) merge as sets of values. Where both sides
// changed the same field differently the merged tree keeps this side's value and a conflict carries all three.
internal sealed class TreeMerger
{
    private readonly List<MergeConflict> _conflicts = [];

    public IReadOnlyList<MergeConflict> Conflicts => _conflicts;

    public JsonNode? Merge(JsonNode? baseNode, JsonNode? mine, JsonNode? theirs, MergePath path)
    {
        if (JsonNode.DeepEquals(mine, theirs)) return Clone(mine);
        if (JsonNode.DeepEquals(baseNode, theirs)) return Clone(mine);
        if (JsonNode.DeepEquals(baseNode, mine)) return Clone(theirs);
        if (mine is JsonObject mineObject && theirs is JsonObject theirsObject)
            return MergeObjects(baseNode as JsonObject, mineObject, theirsObject, path);
        if (mine is JsonArray mineArray && theirs is JsonArray theirsArray)
            return MergeArrays(baseNode as JsonArray ?? [], mineArray, theirsArray, path);
        _conflicts.Add(new MergeConflict(path.Model, path.Words, Clone(baseNode), Clone(mine), Clone(theirs), isRemoval: false));
        return Clone(mine);
    }

    private JsonObject MergeObjects(JsonObject? baseObject, JsonObject mine, JsonObject theirs, MergePath path)
    {
        var merged = new JsonObject();
        var names = mine.Select(p => p.Key).Concat(theirs.Select(p => p.Key)).Concat(baseObject?.Select(p => p.Key) ?? [])
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var value = Merge(baseObject?[name], mine[name], theirs[name], path.Field(name));
            if (value is not null) merged[name] = value;
        }

        return merged;
    }

    private JsonArray MergeArrays(JsonArray baseArray, JsonArray mine, JsonArray theirs, MergePath path)
    {
        var keyed = mine.Concat(theirs).Concat(baseArray).All(item => Id(item) is not null);
        return keyed ? MergeKeyed(baseArray, mine, theirs, path) : MergeSets(baseArray, mine, theirs);
    }

    private JsonArray MergeKeyed(JsonArray baseArray, JsonArray mine, JsonArray theirs, MergePath path)
    {
        var baseById = ById(baseArray);
        var mineById = ById(mine);
        var theirsById = ById(theirs);
        var order = Interleave(mine.Select(Key).ToList(), theirs.Select(Key).ToList(), baseById.Keys);
        var items = new List<(string Id, JsonNode? Base, JsonNode? Mine, JsonNode? Theirs)>();
        foreach (var id in order)
        {
            baseById.TryGetValue(id, out var b);
            mineById.TryGetValue(id, out var m);
            theirsById.TryGetValue(id, out var t);
            items.Add((id, b, m, t));
        }

        var merged = new JsonArray();
        foreach (var (id, b, m, t) in items)
        {
            var itemPath = path.Item(merged.Count, id);
            if (m is null && t is null) continue;
            if (m is null || t is null)
            {
                var kept = m ?? t;
                if (b is null) { merged.Add(Clone(kept)); continue; }
                if (JsonNode.DeepEquals(b, kept)) continue;
                // Removed on one side, changed on the other: keep the changed item so nothing is lost.
                _conflicts.Add(new MergeConflict(itemPath.Model, itemPath.Words, Clone(b), Clone(m), Clone(t), isRemoval: true));
                merged.Add(Clone(kept));
                continue;
            }

            merged.Add(Merge(b, m, t, itemPath));
        }

        return merged;
    }

    private static JsonArray MergeSets(JsonArray baseArray, JsonArray mine, JsonArray theirs)
    {
        var baseKeys = baseArray.Select(Key).ToHashSet(StringComparer.Ordinal);
        var mineKeys = mine.Select(Key).ToHashSet(StringComparer.Ordinal);
        var theirsKeys = theirs.Select(Key).ToHashSet(StringComparer.Ordinal);
        var nodes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in mine.Concat(theirs)) nodes.TryAdd(Key(item), item);
        var order = Interleave([.. mineKeys], [.. theirsKeys], baseKeys);
        var merged = new JsonArray();
        foreach (var key in order)
        {
            var inMine = mineKeys.Contains(key);
            var inTheirs = theirsKeys.Contains(key);
            var inBase = baseKeys.Contains(key);
            // A value stays unless a side that had it in the base removed it.
            var keep = inBase ? inMine && inTheirs : inMine || inTheirs;
            if (keep) merged.Add(Clone(nodes[key]));
        }

        return merged;
    }

    // This side's order, with the other side's new entries placed after their nearest preceding neighbour.
    private static List<string> Interleave(List<string> mine, List<string> theirs, IEnumerable<string> baseKeys)
    {
        var order = new List<string>(mine);
        var known = new HashSet<string>(mine, StringComparer.Ordinal);
        var anchor = -1;
        foreach (var key in theirs)
        {
            var at = order.IndexOf(key);
            if (at >= 0) { anchor = at; continue; }
            order.Insert(++anchor, key);
            known.Add(key);
        }

        order.AddRange(baseKeys.Where(k => !known.Contains(k)));
        return order;
    }

    private static Dictionary<string, JsonNode?> ById(JsonArray array)
    {
        var byId = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in array) byId.TryAdd(Key(item), item);
        return byId;
    }

    private static string Key(JsonNode? item) => Id(item) ?? item?.ToJsonString() ?? "null";

    private static string? Id(JsonNode? item) =>
        item is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();
}
