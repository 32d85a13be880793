namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Mining.Conformance;

/// <summary>
/// Writes the whole per-case list of a replay from its columns (trace per case, figures per trace, deviations per case): no
/// object per case, and the indented text of each trace's figures made once. The writer is flushed every
/// <see cref="FlushBytes"/>, which writes to the stream only when the writer was made on one: this converter is for
/// <see cref="ReportJson.Serialize(Stream, AnalysisReport)"/>'s own writer (under the serializer's writer it would hold the
/// whole list, which one case at a time does not).
/// </summary>
internal sealed class CaseConformanceListJson : JsonConverter<IReadOnlyList<CaseConformance>>
{
    private const int FlushBytes = 1 << 16;

    public override IReadOnlyList<CaseConformance>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<CaseConformance>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CaseConformance> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (value is CaseConformanceList list) WriteColumns(writer, list, new CaseConformanceText(options));
        else
        {
            foreach (var c in value)
            {
                JsonSerializer.Serialize(writer, c, options);
                if (writer.BytesPending >= FlushBytes) writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteColumns(Utf8JsonWriter writer, CaseConformanceList list, CaseConformanceText text)
    {
        var (ids, replays, traceOf, deviations) = (list.CaseIds, list.Replays, list.TraceOf, list.Deviations);
        var raw = text.Raw(writer);
        var depth = writer.CurrentDepth;

        // Most cases of a trace share its deviations: one tail per trace for those, the others by (trace, deviations).
        var shared = new StepDeviationOfCase[]?[replays.Count];
        var sharedTails = new byte[]?[replays.Count];
        var others = new Dictionary<(int Trace, StepDeviationOfCase[] Deviations), byte[]>(new TraceDeviationsComparer());
        for (var c = 0; c < traceOf.Length; c++)
        {
            var t = traceOf[c];
            var r = replays[t];
            var d = deviations[c];
            if (!raw)
            {
                text.WriteObject(writer, ids[c], r, d);
            }
            else
            {
                byte[]? tail;
                if (ReferenceEquals(shared[t], d)) tail = sharedTails[t]!;
                else if (shared[t] is null)
                {
                    shared[t] = d;
                    tail = sharedTails[t] = text.Tail(depth, r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, d);
                }
                else if (!others.TryGetValue((t, d), out tail))
                {
                    if (others.Count >= 4096) others.Clear();
                    others[(t, d)] = tail = text.Tail(depth, r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, d);
                }

                text.WriteRaw(writer, ids[c], tail);
            }

            if (writer.BytesPending >= FlushBytes) writer.Flush();
        }
    }

    // Deviation arrays by reference: equal content in two arrays only costs a second tail.
    private sealed class TraceDeviationsComparer : IEqualityComparer<(int Trace, StepDeviationOfCase[] Deviations)>
    {
        public bool Equals((int Trace, StepDeviationOfCase[] Deviations) x, (int Trace, StepDeviationOfCase[] Deviations) y) =>
            x.Trace == y.Trace && ReferenceEquals(x.Deviations, y.Deviations);

        public int GetHashCode((int Trace, StepDeviationOfCase[] Deviations) key) =>
            HashCode.Combine(key.Trace, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Deviations));
    }
}
