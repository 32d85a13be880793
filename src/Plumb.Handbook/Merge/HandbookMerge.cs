namespace Plumb.Handbook.Merge;

using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;

/// <summary>
/// Field-by-field three-way merge of handbooks and processes: the changes two editors made since a common base are
/// combined; where both changed the same field differently, the conflict names the field and keeps both texts.
/// </summary>
public static class HandbookMerge
{
    /// <summary>Merges the changes of <paramref name="mine"/> and <paramref name="theirs"/> made since <paramref name="baseline"/>.</summary>
    public static MergeResult<Handbook> Merge(Handbook baseline, Handbook mine, Handbook theirs) =>
        MergeTrees(baseline, mine, theirs, MergePath.Root("handbook"));

    /// <summary>Merges two edits of one process made since <paramref name="baseline"/>.</summary>
    public static MergeResult<Process> Merge(Process baseline, Process mine, Process theirs) =>
        MergeTrees(baseline, mine, theirs, MergePath.Root($"process {mine.Id}"));

    /// <summary>
    /// Settles the conflicts of a merge: each resolution names a conflict by its path; conflicts without a resolution
    /// keep this side's value (the merged default). Unknown paths are ignored.
    /// </summary>
    public static T Resolve<T>(MergeResult<T> result, IEnumerable<MergeResolution> resolutions)
        where T : class
    {
        var tree = JsonSerializer.SerializeToNode(result.Merged, HandbookJson.Options)!;
        var byPath = result.Conflicts.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var removals = new List<string>();
        foreach (var resolution in resolutions)
        {
            if (!byPath.TryGetValue(resolution.Path, out var conflict)) continue;
            var value = Chosen(conflict, resolution);
            if (conflict.IsRemoval && value is null) removals.Add(conflict.Path);
            else NodePath.Set(tree, conflict.Path, value);
        }

        // Remove items last and from the back, so the indices of the other paths still hold.
        foreach (var path in removals.OrderByDescending(NodePath.LastIndex))
            NodePath.Remove(tree, path);
        return tree.Deserialize<T>(HandbookJson.Options)!;
    }

    private static JsonNode? Chosen(MergeConflict conflict, MergeResolution resolution) => resolution.Choice switch
    {
        MergeChoice.Theirs => conflict.TheirsNode?.DeepClone(),
        MergeChoice.Both when conflict.IsText => JsonValue.Create($"{conflict.Mine}\n\n{conflict.Theirs}"),
        MergeChoice.Custom when conflict.IsRemoval => conflict.MineNode?.DeepClone() ?? conflict.TheirsNode?.DeepClone(),
        MergeChoice.Custom => resolution.Text is null ? null : JsonValue.Create(resolution.Text),
        _ => conflict.MineNode?.DeepClone(),
    };

    private static MergeResult<T> MergeTrees<T>(T baseline, T mine, T theirs, MergePath root)
        where T : class
    {
        var merger = new TreeMerger();
        var merged = merger.Merge(
            JsonSerializer.SerializeToNode(baseline, HandbookJson.Options),
            JsonSerializer.SerializeToNode(mine, HandbookJson.Options),
            JsonSerializer.SerializeToNode(theirs, HandbookJson.Options),
            root);
        return new MergeResult<T>(merged!.Deserialize<T>(HandbookJson.Options)!, merger.Conflicts);
    }
}
