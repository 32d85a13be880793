namespace Plumb.Handbook.Yaml;

using Plumb.Handbook.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

/// <summary>
/// Parses one YAML document into <see cref="YamlNode"/>s, keeping positions and reporting duplicate keys. Input that would
/// cost more than its size is refused: nesting deeper than <see cref="MaxDepth"/> and aliases that would expand to more than
/// <see cref="MaxAliasNodes"/> nodes (a "billion laughs" document).
/// </summary>
internal static class YamlTree
{
    /// <summary>The deepest nesting of lists and mappings accepted; a handbook needs fewer than 20 levels.</summary>
    public const int MaxDepth = 256;

    /// <summary>How many nodes all alias uses together may stand for; readers walk an alias's target once per use.</summary>
    public const long MaxAliasNodes = 100_000;

    public static YamlNode? Parse(string text, string document, List<Diagnostic> errors)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(LoadError.Binary(document));
            return null;
        }

        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                errors.Add(LoadError.Empty(document));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, new ReadState(document, errors), 1);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                errors.Add(LoadError.Syntax(document, At(second.Start), "the file holds more than one YAML document (a second '---'); keep one per file"));
                return null;
            }

            if (root is YamlScalar { IsNull: true })
            {
                errors.Add(LoadError.Empty(document));
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            errors.Add(LoadError.Syntax(document, At(e.Start), Clean(e.Message)));
            return null;
        }
    }

    // The anchors seen so far with the number of nodes each stands for, and the nodes aliases have added.
    private sealed class ReadState(string document, List<Diagnostic> errors)
    {
        public string Document { get; } = document;

        public List<Diagnostic> Errors { get; } = errors;

        public Dictionary<string, (YamlNode Node, long Size)> Anchors { get; } = new(StringComparer.Ordinal);

        public long AliasNodes { get; set; }
    }

    private static YamlNode ReadNode(IParser parser, ReadState state, int depth) => ReadNode(parser, state, depth, out _);

    // Recursion is bounded by MaxDepth, so a deeply nested value is refused before it can exhaust the stack.
    private static YamlNode ReadNode(IParser parser, ReadState state, int depth, out long size)
    {
        var document = state.Document;
        var errors = state.Errors;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor");
            }

            state.AliasNodes += target.Size;
            if (state.AliasNodes > MaxAliasNodes)
            {
                throw new YamlException(alias.Start, alias.End,
                    $"the aliases (*name) of this file expand to more than {MaxAliasNodes:N0} values; write the values out or use fewer aliases");
            }

            size = target.Size;
            return target.Node;
        }

        if (depth > MaxDepth)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, $"values are nested more than {MaxDepth} levels deep; a handbook needs far fewer");
        }

        size = 1;

        YamlNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            node = new YamlScalar(At(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, state, depth + 1, out var itemSize));
                size += itemSize;
            }

            node = new YamlSequence(At(sequenceStart.Start), items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, state, depth + 1, out var keySize);
                var value = ReadNode(parser, state, depth + 1, out var valueSize);
                size += keySize + valueSize;
                if (keyNode is not YamlScalar key)
                {
                    errors.Add(LoadError.Syntax(document, keyNode.At, "a field name must be a single word, not a list or a set of fields"));
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    errors.Add(LoadError.DuplicateKey(document, key.At, key.Value, first));
                    continue;
                }

                seen.Add(key.Value, key.At);
                entries.Add(new(key, value));
            }

            node = new YamlMapping(At(mappingStart.Start), entries);
        }
        else
        {
            var unexpected = parser.Current;
            throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, "unexpected YAML content");
        }

        if (anchor is not null) state.Anchors[anchor] = (node, size);
        return node;
    }

    private static SourceLocation At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is reported separately.
    // The mistakes people make most often get a message in plain words.
    private static string Clean(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        text = text.Trim().TrimEnd('.');
        if (text.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return "a quoted value is not closed; add the closing quote (or remove the opening one)";
        }

        if (text.Contains("tab character", StringComparison.Ordinal)) return "a tab is used for indentation; indent with spaces";
        if (text.Contains("mapping values are not allowed", StringComparison.Ordinal) || text.Contains("invalid mapping", StringComparison.Ordinal))
        {
            return "a value holds ': ', or the indentation is off; put a value that has a colon in quotes, or line the field up with those above";
        }

        if (text.Contains("did not find expected key", StringComparison.Ordinal)
            || text.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
        {
            return "the indentation does not line up with the fields above; check the spaces at the start of this line";
        }

        return text.Length == 0 ? "the YAML is not well formed" : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
