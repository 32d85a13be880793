namespace Plumb.Mining.Tests.Reporting;

using System.Text.Json;
using Plumb.Handbook.Samples;
using Plumb.Mining.Generation;
using Plumb.Mining.Reporting;

/// <summary>The analysis report: one self-contained HTML page, and JSON that carries the figures.</summary>
public sealed class AnalysisReportTests
{
    private static AnalysisReport Report()
    {
        var handbook = ExampleHandbook.Create("Test");
        var process = handbook.Processes[0];
        var log = LogGenerator.Generate(handbook, process.Procedures[0], new GeneratorOptions { Cases = 300, Seed = 8 }).Log;
        return AnalysisReport.Build(log, process, process.Procedures[0]);
    }

    [Fact]
    public void The_html_report_is_one_page_with_inline_charts_and_nothing_fetched()
    {
        var html = new StringWriter();
        HtmlReport.Write(Report(), html);
        var text = html.ToString();

        Assert.StartsWith("<!doctype html>", text, StringComparison.Ordinal);
        Assert.True(text.Split("<svg").Length > 5);
        Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.Contains("Median time to resolve", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_carries_the_kpis_the_fitness_and_the_documented_steps()
    {
        var report = Report();
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report));
        var root = json.RootElement;

        Assert.Equal(300, root.GetProperty("Summary").GetProperty("Cases").GetInt32());
        Assert.Equal("mttr", root.GetProperty("Kpis")[0].GetProperty("Id").GetString());
        Assert.Equal(report.Conformance.Overall.LogFitness, root.GetProperty("Conformance").GetProperty("Overall").GetProperty("LogFitness").GetDouble());
        Assert.Equal("log", root.GetProperty("Model").GetProperty("Steps")[0].GetProperty("Id").GetString());
        Assert.Equal(300, root.GetProperty("Conformance").GetProperty("PerCase").GetArrayLength());
    }
}
