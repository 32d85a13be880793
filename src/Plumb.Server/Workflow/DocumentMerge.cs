namespace Plumb.Server.Workflow;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Merge;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;

/// <summary>What merging one document gave: its new text (null when it is removed), or the conflicts, or a problem with the whole document.</summary>
public sealed record DocumentMergeResult(string? Content, IReadOnlyList<MergeConflict> Conflicts, string? Problem)
{
    /// <summary>True when the merge gave a document (or its removal) without anything left to settle.</summary>
    public bool IsClean => Conflicts.Count == 0 && Problem is null;
}

/// <summary>
/// Carries a change to one YAML document (from <c>baseline</c> to <c>mine</c>) into the document as it stands now
/// (<c>theirs</c>). When only one side changed, its text is taken as it is. When both did, the lines are merged first, so
/// comments and layout survive; the result must mean what the field-by-field merge of the models (<see cref="HandbookMerge"/>)
/// means, else that merge is written into their text with <see cref="YamlRewrite"/>. A field both sides changed differently
/// is a conflict: nothing is overwritten.
/// </summary>
public static class DocumentMerge
{
    public static DocumentMergeResult Merge(string path, string? baseline, string? mine, string? theirs, IReadOnlyList<MergeResolution>? resolutions = null)
    {
        if (mine == baseline) return new DocumentMergeResult(theirs, [], null);
        if (theirs == baseline || mine == theirs) return new DocumentMergeResult(mine, [], null);
        if (baseline is null) return new DocumentMergeResult(null, [], $"{path} was added meanwhile with other content");
        if (mine is null) return new DocumentMergeResult(null, [], $"{path} was changed meanwhile; it cannot be removed without looking at the change");
        if (theirs is null) return new DocumentMergeResult(null, [], $"{path} was removed meanwhile");

        var text = LineMerge.Merge(baseline, mine, theirs);
        if (path == HandbookFolder.HandbookFile)
        {
            var (b, m, t) = (ReadHandbook(baseline), ReadHandbook(mine), ReadHandbook(theirs));
            if (b is null || m is null || t is null) return Unreadable(path);
            return Settle(HandbookMerge.Merge(b, m, t), resolutions, merged => HandbookYamlWriter.HandbookToString(merged),
                candidate => ReadHandbook(candidate) is { } h ? HandbookYamlWriter.HandbookToString(h) : null, text,
                merged => YamlRewrite.Handbook(theirs, merged));
        }

        var (pb, pm, pt) = (ReadProcess(baseline, path), ReadProcess(mine, path), ReadProcess(theirs, path));
        if (pb is null || pm is null || pt is null) return Unreadable(path);
        return Settle(HandbookMerge.Merge(pb, pm, pt), resolutions, merged => HandbookYamlWriter.ProcessToString(merged),
            candidate => ReadProcess(candidate, path) is { } p ? HandbookYamlWriter.ProcessToString(p) : null, text,
            merged => YamlRewrite.Process(theirs, merged, path));
    }

    private static DocumentMergeResult Settle<T>(MergeResult<T> result, IReadOnlyList<MergeResolution>? resolutions, Func<T, string> write,
        Func<string, string?> canonical, string? text, Func<T, string> rewrite)
        where T : class
    {
        var settled = resolutions ?? [];
        var open = result.Conflicts.Where(c => !settled.Any(r => r.Path == c.Path)).ToList();
        if (open.Count > 0) return new DocumentMergeResult(null, result.Conflicts, null);
        var merged = HandbookMerge.Resolve(result, settled);
        if (text is not null && canonical(text) == write(merged)) return new DocumentMergeResult(text, [], null);
        return new DocumentMergeResult(rewrite(merged), [], null);
    }

    private static DocumentMergeResult Unreadable(string path) => new(null, [], $"{path} cannot be read as a handbook document");

    private static Handbook? ReadHandbook(string text) => HandbookYamlReader.ReadHandbook(text).Value;

    private static Process? ReadProcess(string text, string path) => HandbookYamlReader.ReadProcess(text, path).Value;

    /// <summary>True when the path names a document of a handbook (<c>handbook.yaml</c> or <c>processes/ID.yaml</c>).</summary>
    public static bool IsDocument(string path) => path == HandbookFolder.HandbookFile || DocumentSet.ProcessId(path) is not null;
}
