namespace Plumb.Handbook.Model;

/// <summary>Which way is good for a KPI.</summary>
public enum KpiDirection
{
    /// <summary>Higher values are better (e.g. first-time fix rate).</summary>
    Higher,

    /// <summary>Lower values are better (e.g. time to restore).</summary>
    Lower,
}
