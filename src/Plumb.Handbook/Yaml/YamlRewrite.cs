namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Merge;
using Plumb.Handbook.Model;

/// <summary>
/// Writes a changed handbook or process into the text of its previous document so that the parts it did not change keep
/// their text: comments, blank lines, quoting and order stay, and the file in git changes only on the lines that carry
/// the change. The change is found by comparing the writer's own output for the old and the new model, and carried into
/// the old text with a line merge; the result is read back and must mean exactly the new model. When it does not (or the
/// old text cannot be read), the writer's output is taken with the old comments put back onto their fields.
/// </summary>
public static class YamlRewrite
{
    /// <summary>The process as text, built on <paramref name="previous"/> (null for a new document).</summary>
    public static string Process(string? previous, Process process, string document) =>
        Rewrite(previous, HandbookYamlWriter.ProcessToString(process),
            text => HandbookYamlReader.ReadProcess(text, document) is { Value: { } p } ? HandbookYamlWriter.ProcessToString(p) : null,
            text => HandbookYamlReader.ReadProcess(text, document).Map);

    /// <summary>The handbook document (context, roles, records) as text, built on <paramref name="previous"/>.</summary>
    public static string Handbook(string? previous, Handbook handbook) =>
        Rewrite(previous, HandbookYamlWriter.HandbookToString(handbook),
            text => HandbookYamlReader.ReadHandbook(text) is { Value: { } h } ? HandbookYamlWriter.HandbookToString(h) : null,
            text => HandbookYamlReader.ReadHandbook(text).Map);

    private static string Rewrite(string? previous, string written, Func<string, string?> canonical, Func<string, SourceMap> map)
    {
        if (previous is null || canonical(previous) is not { } before) return written;
        if (before == written) return previous;
        if (LineMerge.Merge(before, previous, written) is { } merged && canonical(merged) == written) return merged;
        var comments = YamlComments.Read(previous, map(previous));
        return comments.IsEmpty ? written : comments.Apply(written, map(written));
    }
}
