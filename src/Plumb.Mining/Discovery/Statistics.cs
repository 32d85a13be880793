namespace Plumb.Mining.Discovery;

/// <summary>Order statistics over sorted values.</summary>
public static class Statistics
{
    private const ulong SignBit = 1UL << 63;

    /// <summary>
    /// Sorts ticks or durations ascending, as <see cref="MemoryExtensions.Sort{T}(Span{T})"/> does, in place: a radix sort by
    /// bytes from the most significant (American flag sort; a byte every value of a bucket shares, such as the high ones of
    /// durations, costs one count), compiled optimised at once. In place, it needs no second buffer of the values (the DFG's
    /// largest edge holds a duration per case). The framework's sort of long ran unoptimised in a cold process, a tenth of the
    /// CPU of plumb analyze on 1M events.
    /// </summary>
    public static void SortTicks(Span<long> values) => SortFrom(values, 56);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void SortFrom(Span<long> values, int shift)
    {
        if (values.Length < 64)
        {
            for (var i = 1; i < values.Length; i++)
            {
                var v = values[i];
                var j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = v;
            }

            return;
        }

        // The first byte from the top on which the values differ.
        Span<int> next = stackalloc int[256];
        Span<int> end = stackalloc int[256];
        while (true)
        {
            next.Clear();
            foreach (var v in values) next[Digit(v, shift)]++;
            if (next[Digit(values[0], shift)] != values.Length) break;
            if (shift == 0) return;
            shift -= 8;
        }

        var sum = 0;
        for (var d = 0; d < 256; d++)
        {
            (next[d], sum) = (sum, sum + next[d]);
            end[d] = sum;
        }

        // Each value swapped into the next free place of its bucket, following the cycles of the permutation.
        for (var d = 0; d < 256; d++)
        {
            while (next[d] < end[d])
            {
                var v = values[next[d]];
                for (var b = Digit(v, shift); b != d; b = Digit(v, shift))
                {
                    var i = next[b]++;
                    (v, values[i]) = (values[i], v);
                }

                values[next[d]++] = v;
            }
        }

        if (shift == 0) return;
        for (int d = 0, start = 0; d < 256; start = end[d++])
        {
            if (end[d] - start > 1) SortFrom(values[start..end[d]], shift - 8);
        }
    }

    private static int Digit(long value, int shift) => (int)((((ulong)value ^ SignBit) >> shift) & 0xFF);

    /// <summary>The median of sorted values (the mean of the two middle ones for an even count); 0 for none.</summary>
    public static double Median(ReadOnlySpan<long> sorted) => sorted.Length == 0 ? 0
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + (double)sorted[sorted.Length / 2]) / 2;

    /// <summary>The median of sorted values; 0 for none.</summary>
    public static double Median(ReadOnlySpan<double> sorted) => sorted.Length == 0 ? 0
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>The arithmetic mean, summed in order; 0 for none.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return 0;
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>The nearest-rank percentile of sorted values (p in 1..100); 0 for none.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, int p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>
    /// The k-th smallest value (0-based) of unsorted values, found in linear time on average (quickselect); the values are
    /// reordered so that those before k are no greater and those after no smaller.
    /// </summary>
    public static double Select(Span<double> values, int k) => Select<double>(values, k);

    // Generic over CoreLib's number types, so without precompiled code: compiled optimised at once, not first unoptimised.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static T Select<T>(Span<T> values, int k)
        where T : struct, System.Numerics.INumber<T>
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            // Median of three as the pivot, then Hoare's partition.
            var mid = left + ((right - left) / 2);
            if (values[mid] < values[left]) (values[mid], values[left]) = (values[left], values[mid]);
            if (values[right] < values[left]) (values[right], values[left]) = (values[left], values[right]);
            if (values[right] < values[mid]) (values[right], values[mid]) = (values[mid], values[right]);
            var pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }

        return values[k];
    }

    /// <summary>
    /// The median of unsorted values (ticks, durations, hours) without sorting them all (the values are reordered), equal to
    /// <see cref="Median(ReadOnlySpan{long})"/> of them sorted; 0 for none. The middle two are added as doubles, so ticks do
    /// not overflow.
    /// </summary>
    public static double MedianUnsorted<T>(Span<T> values)
        where T : struct, System.Numerics.INumber<T>
    {
        if (values.Length == 0) return 0;
        var half = values.Length / 2;
        var upper = double.CreateTruncating(Select(values, half));
        if (values.Length % 2 == 1) return upper;
        return (double.CreateTruncating(Max<T>(values[..half])) + upper) / 2;
    }

    /// <summary>The nearest-rank percentile of unsorted values (p in 1..100) without sorting them all; 0 for none.</summary>
    public static double PercentileUnsorted(Span<double> values, int p)
    {
        if (values.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100.0 * values.Length);
        return Select(values, Math.Clamp(rank, 1, values.Length) - 1);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static T Max<T>(ReadOnlySpan<T> values)
        where T : struct, System.Numerics.INumber<T>
    {
        var max = values[0];
        foreach (var v in values) if (v > max) max = v;
        return max;
    }
}
