namespace Plumb.Mining.Readers;

using System.Runtime;

/// <summary>
/// The forced collections of a large read. A read leaves its garbage (parts' tables, grown-out arrays, counting buffers) in the
/// oldest generation and on the large object heap, which the GC collects seldom and whose pages it keeps for later
/// allocations: collected at the read's turns, compacted and handed back to the system, what comes next (the append, the
/// build, the commands' stages) takes that room instead of adding to it (bench/results/cli-1m-events.md,
/// xes-json-readers.md).
/// </summary>
public static class ReadMemory
{
    /// <summary>Events (or rows read) from which a read's collections pay for their few milliseconds.</summary>
    public const int Large = 100_000;

    /// <summary>
    /// A blocking collection of every generation, the large object heap compacted too, its freed pages decommitted
    /// (<see cref="GCCollectionMode.Aggressive"/>).
    /// </summary>
    public static void GiveBack()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
