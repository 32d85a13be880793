namespace Plumb.Mining.Tests.Reporting;

using System.Text;
using System.Text.Json;
using Plumb.Handbook.Samples;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Readers;
using Plumb.Mining.Reporting;
using Plumb.Mining.Writers;

/// <summary>The report written to a stream, its per-case list from the replay's columns, is the general serializer's text.</summary>
public sealed class ReportJsonTests
{
    [Fact]
    public void A_report_written_to_a_stream_is_the_text_the_general_serializer_writes()
    {
        // Given a report of 1,500 cases (the list is flushed several times), some with ids that need escaping, cases that share
        // traces, and cases with activities the procedure does not know
        var handbook = ExampleHandbook.Create("Test");
        var process = handbook.Processes[0];
        var generated = LogGenerator.Generate(handbook, process.Procedures[0], new GeneratorOptions { Cases = 1500, Seed = 3 }).Log;
        var text = new StringWriter();
        CsvLogWriter.Write(generated, text);
        var csv = text.ToString()
            .Replace($"\n{generated.CaseIds[0]},", "\n\"fall \"\"quoted\"\" <b> café 漢\",", StringComparison.Ordinal)
            .Replace($"\n{generated.CaseIds[1]},", "\n\"tab\there\",", StringComparison.Ordinal);
        var lines = csv.Split('\n');
        for (var i = 1; i < lines.Length; i += 97)
        {
            var fields = lines[i].Split(',');
            if (fields.Length > 1 && !lines[i].StartsWith('"')) lines[i] = string.Join(',', [fields[0], i % 2 == 0 ? "Unplanned call" : "Side task", .. fields[2..]]);
        }

        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(string.Join('\n', lines))));
        var report = AnalysisReport.Build(log, process, process.Procedures[0]);
        Assert.Contains(report.Conformance.Deviations, d => d.Kind == DeviationKind.Undocumented);

        // When written to a stream
        var stream = new MemoryStream();
        ReportJson.Serialize(stream, report);

        // Then it is the text of the general serializer with the report's options but none of its own converters
        var general = new JsonSerializerOptions(ReportJson.Options);
        general.Converters.Remove(general.Converters.OfType<CaseConformanceJson>().Single());
        var written = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(JsonSerializer.Serialize(report, general), written);
        Assert.Equal(ReportJson.Serialize(report), written);
        Assert.Contains("\"case\": \"fall \\\"quoted\\\" <b> café 漢\"", written, StringComparison.Ordinal);
    }
}
