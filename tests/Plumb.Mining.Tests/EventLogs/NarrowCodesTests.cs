namespace Plumb.Mining.Tests.EventLogs;

using Plumb.Mining.EventLogs;

/// <summary>Narrow codes read back as an int array of the same codes would, through every widening.</summary>
public sealed class NarrowCodesTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(254, 1)]
    [InlineData(255, 2)]
    [InlineData(65_534, 2)]
    [InlineData(65_535, 4)]
    [InlineData(int.MaxValue, 4)]
    public void Random_codes_read_back_as_an_int_array_s_and_the_column_is_as_narrow_as_its_largest(int largest, int width)
    {
        // Given codes set in random order, -1 among them, up to the largest, some set twice
        var random = new Random(largest);
        var expected = new int[5_000];
        Array.Fill(expected, -1);
        var codes = new NarrowCodes(expected.Length);
        for (var n = 0; n < 8_000; n++)
        {
            var i = random.Next(expected.Length);
            var code = n == 4_000 ? largest : random.Next(-1, Math.Min(largest, 254));
            expected[i] = code;
            codes[i] = code;
        }

        // Then
        Assert.Equal(expected.Length, codes.Count);
        Assert.Equal(expected, Enumerable.Range(0, codes.Count).Select(i => codes[i]));
        Assert.Equal(width, codes.Width);
        Assert.Equal(expected.Contains(-1), codes.HasNone());
    }

    [Fact]
    public void A_new_column_is_all_none_and_an_int_array_is_read_as_it_is()
    {
        var empty = new NarrowCodes(3);
        Assert.Equal([-1, -1, -1], Enumerable.Range(0, 3).Select(i => empty[i]));
        Assert.True(empty.HasNone());
        Assert.False(new NarrowCodes(0).HasNone());

        int[] held = [4, 0, 70_000];
        var codes = NarrowCodes.Of(held);
        held[1] = 9; // not a copy
        Assert.Equal([4, 9, 70_000], Enumerable.Range(0, 3).Select(i => codes[i]));
        Assert.False(codes.HasNone());
        Assert.Equal(4, codes.Width);
    }

    [Fact]
    public void A_code_below_none_is_refused()
    {
        var codes = new NarrowCodes(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => codes[0] = -2);
        Assert.Throws<IndexOutOfRangeException>(() => codes[1]);
    }
}
