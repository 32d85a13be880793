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

    [Fact]
    public void A_report_of_missing_figures_links_and_an_unmeasurable_fit_is_written_as_the_general_serializer_writes_it()
    {
        // Given a report with what a small log leaves empty or null: links between tables, a KPI without a figure, one with an
        // error, a step without a median, a time span of none, and (second) a fit that is not measurable, a plain per-case list
        var handbook = ExampleHandbook.Create("Test");
        var process = handbook.Processes[0];
        var log = LogGenerator.Generate(handbook, process.Procedures[0], new GeneratorOptions { Cases = 60, Seed = 9 }).Log;
        var built = AnalysisReport.Build(log, process, process.Procedures[0]);
        var kpi = built.Kpis[0];
        var report = built with
        {
            Summary = built.Summary with { First = null, Last = null },
            Kpis = [kpi with { Overall = null, ByMeasure = [], Target = null, Unit = null, NotMeasurable = "the log has no \"state\" field" },
                kpi with { Error = "column 3: unknown step", Overall = kpi.Overall! with { Value = null, Status = null } }, .. built.Kpis.Skip(1)],
            CrossProcess = [new Plumb.Mining.Discovery.ProcessLink("incident", "problem", "problem_id", 7, 40, 0.175, null) { Resolved = 0 },
                new Plumb.Mining.Discovery.ProcessLink("change_request", "incident", "caused_by", 3, 9, 1 / 3.0, 26.5) { Resolved = 2 }],
            Steps = [built.Steps[0] with { MedianHours = null, Groups = [], Resources = [] }, .. built.Steps.Skip(1)],
        };
        var unmeasurable = report with
        {
            Conformance = report.Conformance with { NotMeasurable = "not measurable: no event maps", PerCase = report.Conformance.PerCase.Take(3).ToList() },
        };
        var plain = report with { Conformance = report.Conformance with { PerCase = report.Conformance.PerCase.Take(5).ToList() } };

        foreach (var r in new[] { report, unmeasurable, plain })
        {
            // When written to a stream
            var stream = new MemoryStream();
            ReportJson.Serialize(stream, r);

            // Then it is the general serializer's text
            Assert.Equal(ReportJson.Serialize(r), Encoding.UTF8.GetString(stream.ToArray()));
        }

        Assert.DoesNotContain("\"overall\"", ReportJson.Serialize(unmeasurable).Split("\"conformance\"")[1], StringComparison.Ordinal);
    }
}
