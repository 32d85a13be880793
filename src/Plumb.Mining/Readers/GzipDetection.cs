namespace Plumb.Mining.Readers;

using System.IO.Compression;

/// <summary>Looks at the first bytes of a stream and decompresses it when it is gzip (<c>.xes.gz</c>, <c>.csv.gz</c>).</summary>
public static class GzipDetection
{
    /// <summary>The stream itself (seekable when it was), or a decompressing view of it when it starts with the gzip magic bytes.</summary>
    public static Stream Unwrap(Stream stream)
    {
        if (stream.CanSeek)
        {
            // A file: look and rewind, so the plain stream stays seekable (the CSV reader counts rows beforehand).
            var start = stream.Position;
            Span<byte> magic = stackalloc byte[2];
            var got = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = start;
            return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        }

        var head = new byte[2];
        var read = 0;
        while (read < 2)
        {
            var n = stream.Read(head, read, 2 - read);
            if (n == 0) break;
            read += n;
        }

        var whole = new FramedStream(head.AsMemory(0, read), stream);
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }
}
