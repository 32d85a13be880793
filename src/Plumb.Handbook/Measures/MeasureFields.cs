namespace Plumb.Handbook.Measures;

/// <summary>Names the measure language gives a meaning of its own.</summary>
public static class MeasureFields
{
    /// <summary>Fields derived from a case's events rather than read from its attributes.</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal)
    {
        "events", "groups", "reassignments", "reopened",
    };

    /// <summary>Calendar periods for <c>period(...)</c>.</summary>
    public static readonly IReadOnlySet<string> Periods = new HashSet<string>(StringComparer.Ordinal)
    {
        "day", "week", "month", "quarter", "year",
    };
}
