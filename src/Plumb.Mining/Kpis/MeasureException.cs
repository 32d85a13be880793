namespace Plumb.Mining.Kpis;

/// <summary>A measure that cannot be evaluated on this log and handbook (e.g. it names a step the process does not have).</summary>
public sealed class MeasureException(string message) : Exception(message);
