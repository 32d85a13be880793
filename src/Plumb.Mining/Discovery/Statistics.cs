namespace Plumb.Mining.Discovery;

/// <summary>Order statistics over sorted values.</summary>
public static class Statistics
{
    /// <summary>The median of sorted values (the mean of the two middle ones for an even count); 0 for none.</summary>
    public static double Median(ReadOnlySpan<long> sorted) => sorted.Length == 0 ? 0
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + (double)sorted[sorted.Length / 2]) / 2;

    /// <summary>The median of sorted values; 0 for none.</summary>
    public static double Median(ReadOnlySpan<double> sorted) => sorted.Length == 0 ? 0
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>The exact sum of ticks or durations (no order of adding rounds it differently, and a million of them do not overflow).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Int128 Sum(ReadOnlySpan<long> values)
    {
        Int128 sum = 0;
        foreach (var v in values) sum += v;
        return sum;
    }

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
