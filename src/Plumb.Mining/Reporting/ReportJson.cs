namespace Plumb.Mining.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;

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
    };

    /// <summary>The analysis as <c>plumb analyze -o report.json</c> writes it.</summary>
    public static string Serialize(AnalysisReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>The analysis written to <paramref name="utf8"/> as UTF-8, without holding the whole text (the per-case figures of a large log are tens of MB).</summary>
    public static void Serialize(Stream utf8, AnalysisReport report) => JsonSerializer.Serialize(utf8, report, Options);
}
