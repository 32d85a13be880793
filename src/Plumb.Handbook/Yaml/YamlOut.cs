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
        var style = ScalarStyle.Any;
        if (value.Contains('\n', StringComparison.Ordinal) && !HasTrailingSpace().IsMatch(value) && !value.Contains('\t', StringComparison.Ordinal))
        {
            style = ScalarStyle.Literal;
        }
        else if (value.Length == 0 || LooksTyped().IsMatch(value))
        {
            // A plain "null", "true" or "12" would read back as something else than the text written.
            style = ScalarStyle.DoubleQuoted;
        }

        _emitter.Emit(new Scalar(null, null, value, style, true, true));
    }

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(\.?[0-9].*|\.inf|\.nan))$")]
    private static partial Regex LooksTyped();

    [GeneratedRegex(@"[ \t]\n|[ \t]$|^\s")]
    private static partial Regex HasTrailingSpace();
}
