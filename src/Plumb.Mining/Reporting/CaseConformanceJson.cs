namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Mining.Conformance;

/// <summary>
/// Writes the per-case replay figures (<see cref="ConformanceResult.PerCase"/>) field by field: on a million-event log they are
/// ~185k objects, almost all of the report's 67 MB. The text is the
/// one the general serializer writes with the same options (property names through the naming policy, the enum through the
/// options' own converter); reading is left to it.
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
        writer.WriteStartObject();
        writer.WriteString(names.Case, value.Case);
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
        writer.WriteEndObject();
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
