namespace Plumb.Mining.Reporting;

using System.Buffers;
using System.Text;
using System.Text.Json;
using Plumb.Mining.Conformance;

/// <summary>
/// The text of one case's replay figures as the general serializer writes it with given options (names through the naming
/// policy, the same escaping), for the converters of the per-case list. Both are ReportJson's own, whose options write enums as
/// kebab-case words: a deviation kind is written as that word without asking the options for their converter, so the report's
/// own writer sets up none of the serializer's converters and metadata (~40 methods compiled at run time, and their pages).
/// </summary>
internal sealed class CaseConformanceText
{
    private readonly JsonSerializerOptions _options;
    private readonly JsonEncodedText[] _kindWords;
    private readonly JsonEncodedText _case, _produced, _consumed, _missing, _remaining, _fitness, _fits, _deviations, _step, _kindName;
    private readonly byte[] _newLine;
    private readonly System.Text.Encodings.Web.JavaScriptEncoder _encoder;
    private byte[] _text = new byte[1024];

    public CaseConformanceText(JsonSerializerOptions options)
    {
        _options = options;
        _kindWords = [.. Enum.GetValues<DeviationKind>().Select(k => JsonEncodedText.Encode(ReportJsonWriter.Word(k), options.Encoder))];

        _case = Name(nameof(CaseConformance.Case));
        _produced = Name(nameof(CaseConformance.Produced));
        _consumed = Name(nameof(CaseConformance.Consumed));
        _missing = Name(nameof(CaseConformance.Missing));
        _remaining = Name(nameof(CaseConformance.Remaining));
        _fitness = Name(nameof(CaseConformance.Fitness));
        _fits = Name(nameof(CaseConformance.Fits));
        _deviations = Name(nameof(CaseConformance.Deviations));
        _step = Name(nameof(StepDeviationOfCase.Step));
        _kindName = Name(nameof(StepDeviationOfCase.Kind));
        _newLine = Encoding.UTF8.GetBytes(options.NewLine);
        _encoder = options.Encoder ?? System.Text.Encodings.Web.JavaScriptEncoder.Default;
    }

    public JsonSerializerOptions Options => _options;

    /// <summary>
    /// Whether a case at this depth is written as raw text (an indented writer, and indentation the writer itself would write):
    /// otherwise through the writer's own calls.
    /// </summary>
    public bool Raw(Utf8JsonWriter writer) => _options.WriteIndented && _options.IndentSize * (writer.CurrentDepth + 1) <= 64;

    /// <summary>One case as an object, through the writer's own calls.</summary>
    public void WriteObject(Utf8JsonWriter writer, string id, TraceReplay figures, IReadOnlyList<StepDeviationOfCase> deviations) =>
        WriteObject(writer, id, figures.Produced, figures.Consumed, figures.Missing, figures.Remaining, figures.Fitness, figures.Fits, deviations);

    /// <summary>One case as an object, through the writer's own calls.</summary>
    public void WriteObject(Utf8JsonWriter writer, string id, int produced, int consumed, int missing, int remaining, double fitness, bool fits,
        IReadOnlyList<StepDeviationOfCase> deviations)
    {
        writer.WriteStartObject();
        writer.WriteString(_case, id);
        WriteFigures(writer, produced, consumed, missing, remaining, fitness, fits, deviations);
        writer.WriteEndObject();
    }

    // Everything but the case id: what the cases of one trace share.
    private void WriteFigures(Utf8JsonWriter writer, int produced, int consumed, int missing, int remaining, double fitness, bool fits,
        IReadOnlyList<StepDeviationOfCase> deviations)
    {
        writer.WriteNumber(_produced, produced);
        writer.WriteNumber(_consumed, consumed);
        writer.WriteNumber(_missing, missing);
        writer.WriteNumber(_remaining, remaining);
        writer.WriteNumber(_fitness, fitness);
        writer.WriteBoolean(_fits, fits);
        writer.WriteStartArray(_deviations);
        foreach (var d in deviations)
        {
            writer.WriteStartObject();
            writer.WriteString(_step, d.Step);
            writer.WriteString(_kindName, _kindWords[(int)d.Kind]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The figures after the case id as the writer writes them at this depth: an object written without the id, from its first
    /// line break on, each line indented by the object's own indentation. Cases that share them share this text.
    /// </summary>
    public byte[] Tail(int depth, int produced, int consumed, int missing, int remaining, double fitness, bool fits, IReadOnlyList<StepDeviationOfCase> deviations)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var alone = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true, Encoder = _options.Encoder, IndentSize = _options.IndentSize, IndentCharacter = _options.IndentCharacter,
            NewLine = _options.NewLine, SkipValidation = true,
        }))
        {
            alone.WriteStartObject();
            WriteFigures(alone, produced, consumed, missing, remaining, fitness, fits, deviations);
            alone.WriteEndObject();
        }

        var indent = new byte[_options.IndentSize * depth];
        indent.AsSpan().Fill((byte)_options.IndentCharacter);
        var written = buffer.WrittenSpan[1..]; // after the "{"
        var tail = new List<byte>(written.Length + (indent.Length * 16));
        while (true)
        {
            var line = written.IndexOf(_newLine);
            if (line < 0)
            {
                tail.AddRange(written);
                return [.. tail];
            }

            tail.AddRange(written[..(line + _newLine.Length)]);
            tail.AddRange(indent);
            written = written[(line + _newLine.Length)..];
        }
    }

    /// <summary>
    /// One case as raw text: a line break and the indentation (the writer adds only the comma before a raw value), the case id
    /// escaped as the writer escapes it, then the shared tail of figures and deviations.
    /// </summary>
    public void WriteRaw(Utf8JsonWriter writer, ReadOnlySpan<char> id, byte[] tail)
    {
        var indent = _options.IndentSize * writer.CurrentDepth;
        var inner = indent + _options.IndentSize;
        var caseName = _case.EncodedUtf8Bytes;
        var most = (2 * _newLine.Length) + indent + inner + caseName.Length + (6 * id.Length) + 8 + tail.Length;
        if (_text.Length < most) _text = new byte[Math.Max(most, 2 * _text.Length)];
        var text = _text.AsSpan();
        var at = 0;
        void Put(ReadOnlySpan<byte> bytes, Span<byte> text)
        {
            bytes.CopyTo(text[at..]);
            at += bytes.Length;
        }

        void Spaces(int count, Span<byte> text)
        {
            text.Slice(at, count).Fill((byte)_options.IndentCharacter);
            at += count;
        }

        Put(_newLine, text);
        Spaces(indent, text);
        Put("{"u8, text);
        Put(_newLine, text);
        Spaces(inner, text);
        Put("\""u8, text);
        Put(caseName, text);
        Put("\": \""u8, text);
        at += Id(id, text[at..]);
        Put("\","u8, text);
        Put(tail, text);
        writer.WriteRawValue(text[..at], skipInputValidation: true);
    }

    // The id as the writer escapes it: ASCII that the encoder leaves alone (ids such as INC0010001 or case-17) as it is, anything
    // else through the encoder. At most six bytes a character (\uXXXX).
    private int Id(ReadOnlySpan<char> id, Span<byte> into)
    {
        if (System.Text.Ascii.IsValid(id))
        {
            var bytes = into[..id.Length];
            System.Text.Ascii.FromUtf16(id, bytes, out _);
            if (_encoder.FindFirstCharacterToEncodeUtf8(bytes) < 0) return id.Length;
        }

        var encoded = JsonEncodedText.Encode(id, _options.Encoder).EncodedUtf8Bytes;
        encoded.CopyTo(into);
        return encoded.Length;
    }

    private JsonEncodedText Name(string name) => JsonEncodedText.Encode(_options.PropertyNamingPolicy?.ConvertName(name) ?? name, _options.Encoder);
}
