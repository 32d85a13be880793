namespace Plumb.Mining.Tests.Discovery;

using Plumb.Mining.Discovery;

/// <summary>The radix sort of ticks and durations gives what the framework's sort gives.</summary>
public sealed class SortTicksTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(10_000)]
    public void Ticks_durations_and_negative_values_sort_as_the_framework_sorts_them(int count)
    {
        var random = new Random(count);
        foreach (var make in new Func<long>[]
        {
            () => random.NextInt64(0, 40 * TimeSpan.TicksPerDay), // durations: the high bytes shared
            () => random.NextInt64(long.MinValue, long.MaxValue),
            () => DateTime.UnixEpoch.Ticks + random.Next(0, 5) * TimeSpan.TicksPerHour, // many equal values
            () => random.NextInt64(-1000, 1000),
        })
        {
            var values = Enumerable.Range(0, count).Select(_ => make()).ToArray();
            var expected = values.Order().ToArray();

            Statistics.SortTicks(values);

            Assert.Equal(expected, values);
        }
    }
}
