namespace Plumb.Mining.Tests.Discovery;

using Plumb.Mining.Discovery;

/// <summary>Order statistics by selection give exactly what sorting gives.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(1001)]
    public void Selection_gives_the_median_and_percentiles_of_a_sort(int count)
    {
        var random = new Random(count);
        for (var round = 0; round < 20; round++)
        {
            // Many ties (whole hours) and some spread, as durations are.
            var values = Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? Math.Round(random.NextDouble() * 10) : random.NextDouble() * 100).ToArray();
            var sorted = values.Order().ToArray();

            Assert.Equal(Statistics.Median(sorted), Statistics.MedianUnsorted(values.ToArray()));
            foreach (var p in new[] { 1, 50, 90, 95, 100 }) Assert.Equal(Statistics.Percentile(sorted, p), Statistics.PercentileUnsorted(values.ToArray(), p));
            Assert.Equal(sorted[0], Statistics.Select(values.ToArray(), 0));
            Assert.Equal(sorted[^1], Statistics.Select(values.ToArray(), count - 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(5000)]
    [InlineData(5001)]
    public void The_median_of_unsorted_ticks_is_the_median_of_them_sorted(int count)
    {
        var random = new Random(count);
        for (var round = 0; round < 20; round++)
        {
            // Durations in ticks: many equal (whole minutes), some far apart, a few negative or at the ends of the range.
            var values = Enumerable.Range(0, count).Select(_ => random.Next(10) switch
            {
                0 => long.MaxValue - random.Next(3),
                1 => long.MinValue + random.Next(3),
                2 or 3 => random.Next(5) * TimeSpan.TicksPerMinute,
                4 => -random.NextInt64(TimeSpan.TicksPerDay),
                _ => random.NextInt64(TimeSpan.TicksPerDay * 400),
            }).ToArray();
            var sorted = values.Order().ToArray();

            Assert.Equal(Statistics.Median(sorted), Statistics.MedianUnsorted(values.ToArray()));
        }
    }
}
