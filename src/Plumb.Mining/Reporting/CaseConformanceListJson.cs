namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using Plumb.Mining.Conformance;

/// <summary>
/// Writes the whole per-case list of a replay from its columns (list of deviations per case, trace per list, figures per trace): no
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

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CaseConformance> value, JsonSerializerOptions options) =>
        WriteList(writer, value, options);

    /// <summary>The list, for a caller that writes the report without the serializer.</summary>
    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<CaseConformance> value, JsonSerializerOptions options)
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
        var (ids, replays, deviations) = (list.CaseIds, list.Replays, list.Deviations);
        var raw = text.Raw(writer);
        var depth = writer.CurrentDepth;

        // Most cases of a trace share its list of deviations: one tail per trace for those, the others by list (a few thousand
        // at most held).
        var shared = new int[replays.Count];
        Array.Fill(shared, -1);
        var sharedTails = new byte[]?[replays.Count];
        var others = new Dictionary<int, byte[]>();
        var chars = new char[64];
        for (var c = 0; c < deviations.ListOf.Count; c++)
        {
            var l = deviations.ListOf[c];
            var t = deviations.TraceOfList[l];
            var r = replays[t];
            var d = deviations.Lists[l];
            if (!raw)
            {
                text.WriteObject(writer, ids[c], r, d);
            }
            else
            {
                byte[]? tail;
                if (shared[t] == l) tail = sharedTails[t]!;
                else if (shared[t] < 0)
                {
                    shared[t] = l;
                    tail = sharedTails[t] = text.Tail(depth, r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, d);
                }
                else if (!others.TryGetValue(l, out tail))
                {
                    if (others.Count >= 4096) others.Clear();
                    others[l] = tail = text.Tail(depth, r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, d);
                }

                // The id's characters, not a string of each (a packed table makes one per read).
                text.WriteRaw(writer, ids.Chars(c, ref chars), tail);
            }

            if (writer.BytesPending >= FlushBytes) writer.Flush();
        }
    }
}
