namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// The count of a file's records on several cores at once gives the rows and cuts of the one-thread scan, or declines
/// (issue 16): line feeds and CRLF at every position around the shares' bounds, a lone CR, quotes, no final line break.
/// </summary>
public sealed class CsvRowCountTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Counting_in_shares_gives_the_rows_and_cuts_of_one_pass_or_none(int seed)
    {
        // Given a file of short and long lines, with CRLF, blank lines and at times a lone CR, a quote or no final line feed
        var random = new Random(seed);
        var text = new StringBuilder();
        var lines = random.Next(1, 60);
        for (var i = 0; i < lines; i++)
        {
            text.Append(new string('x', random.Next(seed % 4 == 0 ? 0 : 1, seed % 5 == 0 ? 300 : 12)));
            if (seed % 7 == 3 && i == lines / 2) text.Append('"');
            text.Append(seed % 11 == 5 && i == lines / 3 ? "\r" : random.Next(3) == 0 ? "\r\n" : "\n");
        }

        if (seed % 3 == 1) text.Append("tail");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        foreach (var parts in new[] { 2, 3, 7 })
        {
            // When counted in shares and in one pass, from the start and from the second byte
            foreach (var from in new[] { 0, 1 })
            {
                var stream = ParallelCsvTests.Visible(bytes);
                stream.Position = Math.Min(from, bytes.Length);
                var shared = CsvRowCount.ScanShared(stream, parts);
                Assert.Equal(Math.Min(from, bytes.Length), stream.Position);
                var one = CsvRowCount.Scan(stream, parts);

                // Then the shares give what one pass gives, when they give anything; a file without quotes always gets its rows
                if (shared is { } got)
                {
                    Assert.Equal(one.Rows, got.Rows);
                    Assert.Equal(one.Cuts, got.Cuts);
                }
                else
                {
                    Assert.True(bytes.Contains((byte)'"') || bytes.AsSpan().Count((byte)'\r') != bytes.AsSpan().Count("\r\n"u8) || one.Cuts.Length < parts - 1 || bytes.Length - from < parts,
                        $"declined a plain file of {bytes.Length} bytes in {parts} parts");
                }
            }
        }
    }

    [Fact]
    public void A_large_file_without_quotes_is_counted_in_shares_with_cuts_after_a_line_feed()
    {
        // Given 10,000 CRLF records
        var text = new StringBuilder("case,activity,timestamp\r\n");
        for (var i = 0; i < 10_000; i++) text.Append($"C{i},Step {i % 13},2024-01-01T10:00:00Z\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var shared = CsvRowCount.ScanShared(ParallelCsvTests.Visible(bytes), 4);

        Assert.NotNull(shared);
        Assert.Equal(10_001, shared.Value.Rows);
        Assert.Equal(3, shared.Value.Cuts.Length);
        foreach (var (offset, line, records) in shared.Value.Cuts)
        {
            Assert.Equal((byte)'\n', bytes[offset - 1]);
            Assert.Equal(records + 1, line);
            Assert.Equal(records, bytes.AsSpan(0, (int)offset).Count((byte)'\n'));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Line_feeds_of_a_buffer_are_counted_in_one_pass_as_by_three_searches(int seed)
    {
        // Given bytes of text with line feeds, CRLF, lone CRs and quotes at every place around the 32-byte vectors
        var random = new Random(seed);
        byte[] alphabet = [(byte)'a', (byte)',', (byte)'\n', (byte)'\n', (byte)'\r', (byte)'"'];
        for (var round = 0; round < 50; round++)
        {
            var bytes = new byte[random.Next(0, 200)];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = random.Next(6) < 4 ? (byte)'a' : alphabet[random.Next(2, random.Next(4) == 0 ? 6 : 4)];
            if (bytes.Length > 0 && random.Next(3) == 0) bytes[^1] = (byte)'\r';
            var span = bytes.AsSpan();
            var crAtEnd = bytes.Length > 0 && bytes[^1] == '\r';

            // When counted in one pass
            var count = CsvRowCount.CountLineFeeds(span, out var regular);

            // Then the line feeds are those counted, and the bytes regular when no quote and every CR but a last one is a CRLF
            var crs = span.Count((byte)'\r');
            Assert.Equal(span.Count((byte)'\n'), count);
            Assert.Equal(!span.Contains((byte)'"') && crs - (crAtEnd ? 1 : 0) == span.Count("\r\n"u8), regular);
        }
    }
}
