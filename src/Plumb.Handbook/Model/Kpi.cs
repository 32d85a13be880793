namespace Plumb.Handbook.Model;

/// <summary>A key performance indicator: what is measured over ticket data, its target, and the CSF it evidences.</summary>
public sealed class Kpi
{
    /// <summary>Stable id, e.g. <c>mttr</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the KPI means, in words.</summary>
    public string? Definition { get; set; }

    /// <summary>The measure in Plumb's measure language (docs/measure-language.md).</summary>
    public string? Measure { get; set; }

    /// <summary>Unit of the value, e.g. <c>hours</c> or <c>%</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>The value aimed for.</summary>
    public double? Target { get; set; }

    /// <summary>Whether higher or lower values are better.</summary>
    public KpiDirection Direction { get; set; } = KpiDirection.Higher;

    /// <summary>Id of the critical success factor this KPI evidences.</summary>
    public string? Csf { get; set; }

    /// <summary>True when <paramref name="value"/> meets the target.</summary>
    public bool Meets(double value) => Target is not { } target
        || (Direction == KpiDirection.Higher ? value >= target : value <= target);
}
