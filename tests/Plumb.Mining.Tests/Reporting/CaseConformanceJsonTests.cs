namespace Plumb.Mining.Tests.Reporting;

using System.Text.Json;
using Plumb.Mining.Conformance;
using Plumb.Mining.Reporting;

/// <summary>The per-case figures written by the report's own converter are the text the general serializer writes.</summary>
public sealed class CaseConformanceJsonTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Per_case_figures_read_as_the_general_serializer_writes_them(bool indented)
    {
        // Given cases that share a trace's figures, cases with deviations, and ids that need escaping, nested as in a report
        StepDeviationOfCase[] shared = [new("Check", DeviationKind.Skipped), new("Close \"now\"", DeviationKind.OutOfOrder)];
        var cases = new List<CaseConformance>
        {
            new("case-1", 7, 7, 0, 0, 1, true, []),
            new("case-2", 7, 7, 0, 0, 1, true, []),
            new("fall \"quoted\" <b> café 漢", 6, 5, 1, 2, 0.6666666666666666, false, shared),
            new("tab\there", 6, 5, 1, 2, 0.6666666666666666, false, shared),
            new("case-5", 6, 5, 1, 2, 0.6666666666666666, false, [new("Other", DeviationKind.Undocumented)]),
        };
        var report = new { title = "t", conformance = new { perCase = (IReadOnlyList<CaseConformance>)cases, after = 1 }, empty = (IReadOnlyList<CaseConformance>)[] };
        var options = new JsonSerializerOptions(ReportJson.Options) { WriteIndented = indented };
        var general = new JsonSerializerOptions(options);
        general.Converters.Remove(general.Converters.OfType<CaseConformanceJson>().Single());

        // When written twice (the second time from the kept tails) with the converter, and once without
        var first = JsonSerializer.Serialize(report, options);
        var second = JsonSerializer.Serialize(report, options);

        // Then the texts are the same, and they read back as the cases
        var expected = JsonSerializer.Serialize(report, general);
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        var back = JsonSerializer.Deserialize<List<CaseConformance>>(JsonSerializer.Serialize(cases, options), options)!;
        Assert.Equal(cases.Select(c => (c.Case, c.Fitness, c.Deviations.Count)), back.Select(c => (c.Case, c.Fitness, c.Deviations.Count)));
    }
}
