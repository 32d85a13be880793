namespace Plumb.Mining.Mapping;

using System.Globalization;

/// <summary>
/// How much of a log maps onto a procedure's steps: events mapped, and cases whose every event maps. Below
/// <see cref="Threshold"/> of the events, conformance and step-based KPIs describe only part of the work, and every front end says so.
/// </summary>
public sealed record MappingCoverage(int Events, int MappedEvents, int Cases, int MappedCases)
{
    /// <summary>The share of events below which a warning is shown: 90 %.</summary>
    public const double Threshold = 0.9;

    /// <summary>The share of events mapped, 0–100 (0 for a log without events: nothing was mapped, not all of it).</summary>
    public double EventPercent => Events == 0 ? 0 : 100.0 * MappedEvents / Events;

    /// <summary>The share of cases whose every event maps, 0–100 (0 for a log without cases).</summary>
    public double CasePercent => Cases == 0 ? 0 : 100.0 * MappedCases / Cases;

    /// <summary>True when less than 90 % of the events map.</summary>
    public bool Low => Events > 0 && MappedEvents < Threshold * Events;

    /// <summary>One line for people: "mapped 61,034 of 65,533 events (93.1 %); 6,102 of 7,554 cases have every event mapped (80.8 %)".</summary>
    public string Describe() => Events == 0 ? "no event to map (the log holds no case of the procedure's tables)" : string.Create(CultureInfo.InvariantCulture,
        $"mapped {MappedEvents:N0} of {Events:N0} events ({EventPercent:F1} %); {MappedCases:N0} of {Cases:N0} cases have every event mapped ({CasePercent:F1} %)");

    /// <summary>The warning to show when <see cref="Low"/>, else null.</summary>
    public string? Warning => Low
        ? string.Create(CultureInfo.InvariantCulture, $"only {EventPercent:F1} % of the events map to steps of the procedure (below 90 %)") + ": conformance and "
            + "step-based KPIs describe the mapped part only; plumb map proposes the missing tool mappings"
        : null;
}
