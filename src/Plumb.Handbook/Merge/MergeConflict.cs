namespace Plumb.Handbook.Merge;

using System.Text.Json.Nodes;

/// <summary>
/// One field (or one item of a list) that both sides changed differently since the common base: where it is,
/// in model-path form (<c>procedures[0].steps[2].instruction</c>, as lint reports it) and in domain words,
/// and the three values, so that neither side's text is lost.
/// </summary>
public sealed class MergeConflict
{
    internal MergeConflict(string path, string where, JsonNode? baseValue, JsonNode? mine, JsonNode? theirs, bool isRemoval)
    {
        Path = path;
        Where = where;
        BaseNode = baseValue;
        MineNode = mine;
        TheirsNode = theirs;
        IsRemoval = isRemoval;
    }

    /// <summary>The path of the field in the merged document, as lint diagnostics name it.</summary>
    public string Path { get; }

    /// <summary>The same place in domain words, e.g. <c>process incident › procedure log › step categorise › instruction</c>.</summary>
    public string Where { get; }

    /// <summary>True when one side removed an item the other side changed; the merged document keeps the changed item.</summary>
    public bool IsRemoval { get; }

    /// <summary>The value in the common base, as text (null when absent).</summary>
    public string? Base => Text(BaseNode);

    /// <summary>The value on this side (the save being made), as text (null when absent or removed).</summary>
    public string? Mine => Text(MineNode);

    /// <summary>The value on the other side (the version saved meanwhile), as text (null when absent or removed).</summary>
    public string? Theirs => Text(TheirsNode);

    /// <summary>True when both sides hold plain text, so that keeping both is a meaningful choice.</summary>
    public bool IsText => IsString(MineNode) && IsString(TheirsNode);

    internal JsonNode? BaseNode { get; }

    internal JsonNode? MineNode { get; }

    internal JsonNode? TheirsNode { get; }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out _);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
