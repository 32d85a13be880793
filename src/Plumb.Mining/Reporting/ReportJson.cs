namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// How Plumb writes reports as JSON (camelCase, enums as kebab-case words, indented, no escaping of readable characters):
/// the CLI's <c>-o report.json</c> and the server's stored results are written with these options, so they are equal for equal data.
/// </summary>
public static class ReportJson
{
    /// <summary>The serializer options of every JSON report.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new CaseConformanceJson() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitFiguresNotMeasurable } },
    };

    // A conformance result that is not measurable says why (notMeasurable) and carries no fitness figures: its overall,
    // breakdown and per-case "fits" come from replaying no step at all.
    private static void OmitFiguresNotMeasurable(JsonTypeInfo info)
    {
        if (info.Type != typeof(Conformance.ConformanceResult)) return;
        foreach (var property in info.Properties)
        {
            if (property.Name is "overall" or "breakdown" or "perCase") property.ShouldSerialize = (result, _) => ((Conformance.ConformanceResult)result).Measurable;
            if (property.Name == "measurable") property.ShouldSerialize = (_, _) => false;
        }
    }

    /// <summary>The analysis as <c>plumb analyze -o report.json</c> writes it.</summary>
    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>The analysis written to <paramref name="utf8"/> as UTF-8, without holding the whole text (the per-case figures of a large log are tens of MB).</summary>
    public static void Serialize(Stream utf8, AnalysisReport report)
    {
        // The same text as JsonSerializer.Serialize(utf8, report, Options): a writer with the options the serializer gives its
        // own, the report through the writer's calls (ReportJsonWriter), and the per-case list from the replay's columns,
        // flushing this writer to the stream as it goes.
        using var writer = new Utf8JsonWriter(utf8, new JsonWriterOptions
        {
            Encoder = Streaming.Encoder, Indented = Streaming.WriteIndented, IndentCharacter = Streaming.IndentCharacter,
            IndentSize = Streaming.IndentSize, NewLine = Streaming.NewLine, MaxDepth = Streaming.MaxDepth == 0 ? 64 : Streaming.MaxDepth,
            SkipValidation = true,
        });
        ReportJsonWriter.Write(writer, report, Streaming);
    }

    // Options with the converter of the whole per-case list, for a writer on a stream only (see CaseConformanceListJson).
    private static readonly JsonSerializerOptions Streaming = new(Options) { Converters = { new CaseConformanceListJson() } };
}
