namespace Plumb.Mining.Tests.Readers;

using Plumb.Mining.Readers;

public sealed class StreamRangeTests
{
    [Fact]
    public async Task Ranges_of_one_file_read_on_two_threads_at_once_read_their_bytes()
    {
        // The shape of a read in parts: the file's first bytes looked at through the stream (its buffer left holding the rest),
        // rewound, then ranges of it made and read on two threads at the same moment, round after round.
        var path = Path.GetTempFileName();
        try
        {
            var bytes = new byte[1 << 16];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            var failures = 0;
            for (var round = 0; round < 3000; round++)
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
                stream.ReadAtLeast(new byte[4], 4, throwOnEndOfStream: false);
                stream.Position = 0;
                using var together = new Barrier(2);
                bool Reads(long start)
                {
                    together.SignalAndWait();
                    var got = new byte[16];
                    for (var k = 0; k < 3; k++)
                    {
                        if (StreamRange.Of(stream, start, start + got.Length).ReadAtLeast(got, got.Length) != got.Length) return false;
                    }

                    return got.AsSpan().SequenceEqual(bytes.AsSpan((int)start, got.Length));
                }

                var other = Task.Run(() => Reads(1000));
                if (!Reads(2000)) failures++;
                if (!await other) failures++;
            }

            Assert.Equal(0, failures);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
