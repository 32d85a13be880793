namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Mining.Conformance;

/// <summary>
/// Writes the per-case replay figures (<see cref="ConformanceResult.PerCase"/>): on a million-event log they are ~185k objects,
/// almost all of the report's 67 MB, and the general serializer spent half a second on them. Cases that follow one trace share
/// every figure but their id, so an indented report writes each such tail once and copies it after each case's id. The text is
/// the one the general serializer writes with the same options (names through the naming policy, the enum through the options'
/// own converter, the same escaping); reading is left to it.
/// </summary>
internal sealed class CaseConformanceJson : JsonConverter<CaseConformance>
{
    private Names? _names;

    public override CaseConformance? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Stored>(ref reader, options) is { } s ? new CaseConformance(s.Case, s.Produced, s.Consumed, s.Missing, s.Remaining, s.Fitness, s.Fits, s.Deviations) : null;

    // One case at a time, so the serializer still flushes to the stream between cases (a converter of the whole list would
    // hold all of it in memory).
    public override void Write(Utf8JsonWriter writer, CaseConformance value, JsonSerializerOptions options)
    {
        var names = _names is { } cached && cached.Options == options ? cached : _names = new Names(options);
        if (options.WriteIndented && options.IndentSize * (writer.CurrentDepth + 1) <= 64)
        {
            WriteIndented(writer, value, options, names);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(names.Case, value.Case);
        WriteFigures(writer, value, options, names);
        writer.WriteEndObject();
    }

    // Everything but the case id: what the cases of one trace share.
    private static void WriteFigures(Utf8JsonWriter writer, CaseConformance value, JsonSerializerOptions options, Names names)
    {
        writer.WriteNumber(names.Produced, value.Produced);
        writer.WriteNumber(names.Consumed, value.Consumed);
        writer.WriteNumber(names.Missing, value.Missing);
        writer.WriteNumber(names.Remaining, value.Remaining);
        writer.WriteNumber(names.Fitness, value.Fitness);
        writer.WriteBoolean(names.Fits, value.Fits);
        writer.WriteStartArray(names.Deviations);
        foreach (var d in value.Deviations)
        {
            writer.WriteStartObject();
            writer.WriteString(names.Step, d.Step);
            writer.WritePropertyName(names.Kind);
            names.KindConverter.Write(writer, d.Kind, options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // The object as raw text: a line break and the indentation (the writer adds only the comma before a raw value), the case id
    // escaped as the writer escapes it, then the tail of figures and deviations, kept per thread for the cases that share it.
    private static void WriteIndented(Utf8JsonWriter writer, CaseConformance value, JsonSerializerOptions options, Names names)
    {
        var tails = t_tails ??= new Dictionary<TailKey, byte[]>();
        var key = new TailKey(options, writer.CurrentDepth, value.Deviations, value.Produced, value.Consumed, value.Missing, value.Remaining, value.Fitness, value.Fits);
        if (!tails.TryGetValue(key, out var tail))
        {
            if (tails.Count >= 4096) tails.Clear();
            tails[key] = tail = Tail(value, options, names, writer.CurrentDepth);
        }

        var newLine = System.Text.Encoding.UTF8.GetBytes(options.NewLine);
        var id = JsonEncodedText.Encode(value.Case, options.Encoder).EncodedUtf8Bytes;
        var indent = options.IndentSize * writer.CurrentDepth;
        var inner = indent + options.IndentSize;
        var caseName = names.Case.EncodedUtf8Bytes;
        var text = System.Buffers.ArrayPool<byte>.Shared.Rent((2 * newLine.Length) + indent + inner + caseName.Length + id.Length + 8 + tail.Length);
        var at = 0;
        void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(text.AsSpan(at));
            at += bytes.Length;
        }

        void Spaces(int count)
        {
            text.AsSpan(at, count).Fill((byte)options.IndentCharacter);
            at += count;
        }

        Put(newLine);
        Spaces(indent);
        Put("{"u8);
        Put(newLine);
        Spaces(inner);
        Put("\""u8);
        Put(caseName);
        Put("\": \""u8);
        Put(id);
        Put("\","u8);
        Put(tail);
        writer.WriteRawValue(text.AsSpan(0, at), skipInputValidation: true);
        System.Buffers.ArrayPool<byte>.Shared.Return(text);
    }

    [ThreadStatic]
    private static Dictionary<TailKey, byte[]>? t_tails;

    private readonly record struct TailKey(JsonSerializerOptions Options, int Depth, IReadOnlyList<StepDeviationOfCase> Deviations,
        int Produced, int Consumed, int Missing, int Remaining, double Fitness, bool Fits);

    // The figures after the case id as the writer writes them at this depth: an object written without the id, from its first
    // line break on, each line indented by the object's own indentation.
    private static byte[] Tail(CaseConformance value, JsonSerializerOptions options, Names names, int depth)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var alone = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true, Encoder = options.Encoder, IndentSize = options.IndentSize, IndentCharacter = options.IndentCharacter,
            NewLine = options.NewLine, SkipValidation = true,
        }))
        {
            alone.WriteStartObject();
            WriteFigures(alone, value, options, names);
            alone.WriteEndObject();
        }

        var newLine = System.Text.Encoding.UTF8.GetBytes(options.NewLine);
        var indent = new byte[options.IndentSize * depth];
        indent.AsSpan().Fill((byte)options.IndentCharacter);
        var written = buffer.WrittenSpan[1..]; // after the "{"
        var tail = new List<byte>(written.Length + (indent.Length * 16));
        while (true)
        {
            var line = written.IndexOf(newLine);
            if (line < 0)
            {
                tail.AddRange(written);
                return [.. tail];
            }

            tail.AddRange(written[..(line + newLine.Length)]);
            tail.AddRange(indent);
            written = written[(line + newLine.Length)..];
        }
    }

    // The shape read back by the general serializer (a type of its own, so reading does not come back here).
    private sealed record Stored(string Case, int Produced, int Consumed, int Missing, int Remaining, double Fitness, bool Fits,
        List<StepDeviationOfCase> Deviations);

    // The property names as the options spell them, encoded once.
    private sealed class Names(JsonSerializerOptions options)
    {
        public JsonSerializerOptions Options { get; } = options;
        public JsonConverter<DeviationKind> KindConverter { get; } = (JsonConverter<DeviationKind>)options.GetConverter(typeof(DeviationKind));
        public JsonEncodedText Case { get; } = Name(options, nameof(CaseConformance.Case));
        public JsonEncodedText Produced { get; } = Name(options, nameof(CaseConformance.Produced));
        public JsonEncodedText Consumed { get; } = Name(options, nameof(CaseConformance.Consumed));
        public JsonEncodedText Missing { get; } = Name(options, nameof(CaseConformance.Missing));
        public JsonEncodedText Remaining { get; } = Name(options, nameof(CaseConformance.Remaining));
        public JsonEncodedText Fitness { get; } = Name(options, nameof(CaseConformance.Fitness));
        public JsonEncodedText Fits { get; } = Name(options, nameof(CaseConformance.Fits));
        public JsonEncodedText Deviations { get; } = Name(options, nameof(CaseConformance.Deviations));
        public JsonEncodedText Step { get; } = Name(options, nameof(StepDeviationOfCase.Step));
        public JsonEncodedText Kind { get; } = Name(options, nameof(StepDeviationOfCase.Kind));

        private static JsonEncodedText Name(JsonSerializerOptions options, string name) =>
            JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(name) ?? name, options.Encoder);
    }
}
