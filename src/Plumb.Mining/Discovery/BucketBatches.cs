namespace Plumb.Mining.Discovery;

/// <summary>
/// Buckets (edges, pairs of groups, steps) taken a batch at a time for a counting sort of their values into one buffer: each
/// batch's buckets fit in about a quarter of all the values (or the largest bucket, when it is bigger), so a stage makes a few
/// passes over the log instead of holding every event's value at once (8 bytes an event).
/// </summary>
internal sealed class BucketBatches
{
    private readonly int[] _counts;

    /// <summary>Batches of the buckets of <paramref name="counts"/> (values per bucket).</summary>
    public BucketBatches(int[] counts)
    {
        _counts = counts;
        var total = 0L;
        foreach (var n in counts)
        {
            total += n;
            Largest = Math.Max(Largest, n);
        }

        Room = (int)Math.Max(Largest, total / 4);
    }

    /// <summary>The values of the largest bucket.</summary>
    public int Largest { get; }

    /// <summary>The room a batch needs: a quarter of the values, or the largest bucket when it is bigger.</summary>
    public int Room { get; }

    /// <summary>
    /// The batches in bucket order, each within <paramref name="room"/> values (at least <see cref="Room"/>; a buffer of the pool
    /// is often longer, and a larger room takes fewer passes): for each, the buckets <c>[First, End)</c> and per bucket the offset
    /// of its slice in the buffer, -1 for a bucket outside the batch (one array, refilled from batch to batch: read it before the next).
    /// </summary>
    public IEnumerable<(int First, int End, int[] Offsets)> All(int room = 0)
    {
        room = Math.Max(room, Room);
        var offsets = new int[_counts.Length];
        for (var first = 0; first < _counts.Length;)
        {
            Array.Fill(offsets, -1);
            var end = first;
            for (var used = 0; end < _counts.Length && used + _counts[end] <= room; end++)
            {
                offsets[end] = used;
                used += _counts[end];
            }

            yield return (first, end, offsets);
            first = end;
        }
    }
}
