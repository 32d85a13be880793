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
}
