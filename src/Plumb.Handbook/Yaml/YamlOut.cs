namespace Plumb.Handbook.Yaml;

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

/// <summary>A thin writer over YamlDotNet's emitter that leaves out empty fields and quotes values that would read back differently.</summary>
internal sealed partial class YamlOut(TextWriter writer)
{
    private readonly Emitter _emitter = new(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, false));

    public void BeginDocument()
    {
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, true));
    }

    public void EndDocument()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
    }

    public void BeginMap() => _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));

    public void EndMap() => _emitter.Emit(new MappingEnd());

    public void Key(string key) => Scalar(key);

    public void Field(string key, string? value)
    {
        if (value is null) return;
        Key(key);
        Scalar(value);
    }

    public void Field(string key, bool? value)
    {
        if (value is null) return;
        Key(key);
        _emitter.Emit(new Scalar(null, null, value.Value ? "true" : "false", ScalarStyle.Plain, true, false));
    }

    public void Field(string key, double? value)
    {
        if (value is null) return;
        Key(key);
        _emitter.Emit(new Scalar(null, null, value.Value.ToString("R", CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
    }

    /// <summary>A list of values; ids go on one line (<c>[a, b]</c>), prose one per line.</summary>
    public void List(string key, IReadOnlyCollection<string> values, bool flow)
    {
        if (values.Count == 0) return;
        Key(key);
        _emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var value in values) Scalar(value);
        _emitter.Emit(new SequenceEnd());
    }

    public void Items<T>(string key, IReadOnlyCollection<T> items, Action<T> write)
    {
        if (items.Count == 0) return;
        Key(key);
        _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
        foreach (var item in items)
        {
            BeginMap();
            write(item);
            EndMap();
        }

        _emitter.Emit(new SequenceEnd());
    }

    public void Scalar(string value)
    {
        // Only styles that read back as exactly the text written: plain for everyday words, a literal block for
        // readable multi-line prose, double quotes (which can escape anything) for the rest.
        ScalarStyle style;
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            style = LiteralSafe().IsMatch(value) && !HasTrailingSpace().IsMatch(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }
        else
        {
            style = PlainSafe().IsMatch(value) && !LooksTyped().IsMatch(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        }

        _emitter.Emit(new Scalar(null, null, value, style, true, true));
    }

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.?[0-9].*|\.inf|\.nan|\.Inf|\.NaN))$")]
    private static partial Regex LooksTyped();

    // Letters, digits and punctuation that mean nothing to YAML inside a plain value; ':' only when not followed by a space.
    [GeneratedRegex(@"^[\p{L}\p{N}(/.]([\p{L}\p{N} .,;()/'""?!+=_%<>$-]|:(?=[^ ]))*(?<! )$")]
    private static partial Regex PlainSafe();

    // Printable text that starts with a visible character and ends with at most one line break.
    [GeneratedRegex(@"^[^\s\p{C}]([^\p{C}]|\n)*?\n?(?<!\n\n)$")]
    private static partial Regex LiteralSafe();

    [GeneratedRegex(@"[ \t]\n|[ \t]$|^\s")]
    private static partial Regex HasTrailingSpace();
}
