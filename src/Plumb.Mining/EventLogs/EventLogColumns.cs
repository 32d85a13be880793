namespace Plumb.Mining.EventLogs;

/// <summary>The arrays and tables an <see cref="EventLog"/> is made of, handed over by the builder in one piece.</summary>
internal sealed class EventLogColumns
{
    public required StringTable CaseIds { get; init; }
    public required int[] CaseOffsets { get; init; }
    public required int[] Activities { get; init; }
    public required long[] Timestamps { get; init; }
    public int[]? Resources { get; init; }
    public int[]? Groups { get; init; }
    public int[]? States { get; init; }
    public int[]? Priorities { get; init; }
    public required StringTable ActivityNames { get; init; }
    public required StringTable ResourceNames { get; init; }
    public required StringTable GroupNames { get; init; }
    public required StringTable StateValues { get; init; }
    public required StringTable PriorityValues { get; init; }
}
