namespace Plumb.Handbook.Measures;

/// <summary>The outcome of parsing a measure: the measure, or an error with the one-based column it was found at.</summary>
public sealed record MeasureParseResult(Measure? Value, string? Error, int Column)
{
    /// <summary>True when the measure parsed.</summary>
    public bool Succeeded => Value is not null;
}
