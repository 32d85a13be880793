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
        Assert.Contains("<meta name=viewport content=\"width=device-width, initial-scale=1\">", text, StringComparison.Ordinal);
    }

    // https://plumb.dev/issues/20: hot spots named step ids.
    [Fact]
    public void Hot_spots_name_the_steps_by_their_names()
    {
        var report = Report();
        var html = new StringWriter();
        HtmlReport.Write(report, html);
        var hotSpots = html.ToString().Split("<h3>Hot spots")[1].Split("<h3>")[0];

        var named = report.Conformance.Deviations.Take(15).Where(d => report.Model.Steps.Any(s => s.Id == d.Step)).ToList();
        Assert.NotEmpty(named);
        foreach (var deviation in named)
        {
            var step = report.Model.Steps.First(s => s.Id == deviation.Step);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(step.Name) + " — ", hotSpots, StringComparison.Ordinal);
            if (step.Name != step.Id) Assert.DoesNotContain($">{step.Id} — ", hotSpots, StringComparison.Ordinal);
        }
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
