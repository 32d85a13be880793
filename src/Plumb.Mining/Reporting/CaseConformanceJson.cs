namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Mining.Conformance;

/// <summary>
/// Writes the per-case replay figures (<see cref="ConformanceResult.PerCase"/>) one case at a time: on a million-event log they
/// are ~185k objects, almost all of the report's 67 MB, and the general serializer spent half a second on them. Cases that follow
/// one trace share every figure but their id, so an indented report writes each such tail once and copies it after each case's
/// id. The text is the one the general serializer writes with the same options (<see cref="CaseConformanceText"/>); reading is
/// left to it. <see cref="ReportJson.Serialize(Stream, AnalysisReport)"/> writes the whole list from the replay's columns
/// instead (<see cref="CaseConformanceListJson"/>).
/// </summary>
internal sealed class CaseConformanceJson : JsonConverter<CaseConformance>
{
    public override CaseConformance? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Stored>(ref reader, options) is { } s ? new CaseConformance(s.Case, s.Produced, s.Consumed, s.Missing, s.Remaining, s.Fitness, s.Fits, s.Deviations) : null;

    // One case at a time, so the serializer still flushes to the stream between cases (a converter of the whole list would
    // hold all of it in memory).
    public override void Write(Utf8JsonWriter writer, CaseConformance value, JsonSerializerOptions options)
    {
        // The text helper keeps a buffer: one per thread, as the serializer may write on several at once with these options.
        var text = t_text is { } cached && cached.Options == options ? cached : t_text = new CaseConformanceText(options);
        if (!text.Raw(writer))
        {
            text.WriteObject(writer, value.Case, value.Produced, value.Consumed, value.Missing, value.Remaining, value.Fitness, value.Fits, value.Deviations);
            return;
        }

        var tails = t_tails ??= new Dictionary<TailKey, byte[]>();
        var key = new TailKey(options, writer.CurrentDepth, value.Deviations, value.Produced, value.Consumed, value.Missing, value.Remaining, value.Fitness, value.Fits);
        if (!tails.TryGetValue(key, out var tail))
        {
            if (tails.Count >= 4096) tails.Clear();
            tails[key] = tail = text.Tail(writer.CurrentDepth, value.Produced, value.Consumed, value.Missing, value.Remaining, value.Fitness, value.Fits, value.Deviations);
        }

        text.WriteRaw(writer, value.Case, tail);
    }

    [ThreadStatic]
    private static Dictionary<TailKey, byte[]>? t_tails;

    [ThreadStatic]
    private static CaseConformanceText? t_text;

    private readonly record struct TailKey(JsonSerializerOptions Options, int Depth, IReadOnlyList<StepDeviationOfCase> Deviations,
        int Produced, int Consumed, int Missing, int Remaining, double Fitness, bool Fits);

    // The shape read back by the general serializer (a type of its own, so reading does not come back here).
    private sealed record Stored(string Case, int Produced, int Consumed, int Missing, int Remaining, double Fitness, bool Fits,
        List<StepDeviationOfCase> Deviations);
}
