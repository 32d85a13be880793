namespace Plumb.Mining.EventLogs;

/// <summary>
/// The per-event arrays of a log read in parts, one length for all its events: each part's builder writes its own range, and
/// appending the parts moves codes within them, so the log's columns are allocated once and no part holds a copy. A column is
/// allocated when a part first needs it (a log without states has none); parts ask from their own threads.
/// </summary>
internal sealed class EventStorage(int length)
{
    private readonly Lock _lock = new();
    private readonly int[]?[] _codes = new int[]?[EventLogBuilder.CodeColumns];
    private long[]? _times;

    /// <summary>The number of events the arrays hold.</summary>
    public int Length => length;

    /// <summary>The array of one column of codes (activity, resource, group, state, priority), by its index.</summary>
    public int[] Codes(int column)
    {
        lock (_lock) return _codes[column] ??= GC.AllocateUninitializedArray<int>(length);
    }

    /// <summary>The array of the timestamps.</summary>
    public long[] Times()
    {
        lock (_lock) return _times ??= GC.AllocateUninitializedArray<long>(length);
    }
}
