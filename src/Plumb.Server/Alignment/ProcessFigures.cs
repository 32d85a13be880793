namespace Plumb.Server.Alignment;

using System.Text.Json;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Kpis;
using Plumb.Mining.Mapping;
using Plumb.Mining.Reporting;
using Plumb.ServiceNow.Drift;

/// <summary>A KPI as a tile shows it: its overall value against the target, or why it cannot be measured.</summary>
public sealed record KpiFigure(string Id, string Name, string? Unit, double? Target, KpiDirection Direction, double? Value, int Cases, RagStatus? Status,
    string? NotMeasurable, string? Error);

/// <summary>
/// The figures of one procedure's analysis that pages show (a digest of the <see cref="AnalysisReport"/> stored beside it): the
/// size of the data, mapping coverage, conformance (null when <see cref="NotMeasurable"/>), KPIs and how each step is practised.
/// </summary>
public sealed record ProcessFigures(string Process, string Procedure, LogSummary Summary, MappingCoverage Mapping, FitnessFigures? Fitness,
    IReadOnlyList<StepDeviation> Deviations, IReadOnlyList<KpiFigure> Kpis, IReadOnlyList<StepPractice> Steps)
{
    /// <summary>Why the conformance figures are not measurable (no event of the data shows a step the replay checks), or null.</summary>
    public string? NotMeasurable { get; init; }

    /// <summary>The digest of a report.</summary>
    public static ProcessFigures Of(AnalysisReport report) => new(report.Model.Process, report.Model.Procedure, report.Summary, report.Mapping,
        report.Conformance.Measurable ? report.Conformance.Overall : null, report.Conformance.Deviations.OrderByDescending(d => d.Cases).Take(20).ToList(),
        report.Kpis.Select(k => new KpiFigure(k.Id, k.Name, k.Unit, k.Target, k.Direction, k.Overall?.Value, k.Overall?.Cases ?? 0, k.Overall?.Status,
            k.NotMeasurable, k.Error)).ToList(),
        report.Steps)
    {
        NotMeasurable = report.Conformance.NotMeasurable,
    };

    /// <summary>As stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    /// <summary>Read back from the store.</summary>
    public static ProcessFigures FromJson(string json) => JsonSerializer.Deserialize<ProcessFigures>(json, ReportJson.Options)!;
}

/// <summary>The drift of the handbook against the configuration synced with the data, as stored.</summary>
public sealed record DriftFigures(IReadOnlyList<DriftItem> Items)
{
    /// <summary>The items that are drift, not notes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<DriftItem> Drift => Items.Where(i => !i.IsNote);

    /// <summary>As stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    /// <summary>Read back from the store.</summary>
    public static DriftFigures FromJson(string json) => JsonSerializer.Deserialize<DriftFigures>(json, ReportJson.Options)!;

    /// <summary>The process a drift item is about (its process document), or null for the handbook as a whole (roles, groups).</summary>
    public static string? ProcessOf(DriftItem item) =>
        item.Document is { } d && d.StartsWith("processes/", StringComparison.Ordinal) ? System.IO.Path.GetFileNameWithoutExtension(d) : null;
}
