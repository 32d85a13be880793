namespace Plumb.Mining.Readers;

using System.Text.Json;

internal static partial class JsonRecordStream
{
    /// <summary>Below this many bytes a stream is read in one part: a second thread would not pay for itself.</summary>
    public const long PartMinimum = 16 << 20;

    private static readonly byte[] Blank = [(byte)' ', (byte)'\n', (byte)'\r', (byte)'\t', 0xEF, 0xBB, 0xBF];

    // How far past the middle a boundary between records is looked for.
    private const int BoundaryWindow = 1 << 20;

    /// <summary>
    /// Reads a file (or an in-memory stream) of records in two halves at once, one on another thread, and appends both to
    /// <paramref name="input"/> as one sequential read would. The halves meet at a boundary between two records of the
    /// records array, found near the middle by a look at the bytes (<c>},</c> then a line break, then <c>{</c>: no string
    /// holds a raw line break, so these are no string's characters); each half is made a whole document (the first closed
    /// after its last record, the second opened before its first), so the first half reads without error only when the
    /// boundary was one of the records array. False when the stream was not split, or a half stopped on a problem or bad
    /// JSON: the caller then reads it in one part, and reports what that finds at the places it finds it.
    /// </summary>
    public static bool TryReadInParts(Stream stream, SnowJsonInput input, long minimum = PartMinimum)
    {
        if (Environment.ProcessorCount < 2 || !stream.CanSeek || !StreamRange.CanShare(stream)) return false;
        var (start, end) = (stream.Position, stream.Length);
        if (end - start < Math.Max(minimum, 2)) return false;
        if (Opening(stream, start) is not var (at, opening) || opening is not ((byte)'[' or (byte)'{')) return false;
        if (Boundary(stream, start + ((end - start) / 2), end) is not var (close, comma)) return false;

        // An object holds its records in an array under a property: a record there is at depth 2 whatever the property's name.
        var (after, before) = opening == '[' ? ("]"u8.ToArray(), "["u8.ToArray()) : ("]}"u8.ToArray(), "{\"result\":["u8.ToArray());
        // The second half's values become codes of the first's pool: packed until then, not as a string each (its 92k sys_ids,
        // 8 MB). Halves read after other input look up the values it holds (see Sibling).
        var (first, second) = (input.Sibling(), input.Sibling(packedValues: true));
        var later = Task.Factory.StartNew(() => ReadPart(new FramedStream(before, StreamRange.Of(stream, comma + 1, end)), second),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var read = ReadPart(new FramedStream(default, StreamRange.Of(stream, at, close + 1), after), first);
        if (!later.Result || !read) return false;
        input.Adopt(first);
        input.Adopt(second);
        return true;
    }

    private static bool ReadPart(Stream part, SnowJsonInput input)
    {
        try
        {
            Read(part, input);
            return input.Problem is null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Where the document starts after white space and byte order marks, as ReadInto skips them, and its first byte; null when none is near.
    private static (long At, byte First)? Opening(Stream stream, long start)
    {
        var head = new byte[4096];
        var length = StreamRange.Of(stream, start, start + head.Length).ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var at = head.AsSpan(0, length).IndexOfAnyExcept(Blank);
        return at < 0 ? null : (start + at, head[at]);
    }

    // The closing brace of a record and the comma after it, found from `from` on: } [ws] , [ws] { with a line break among the ws.
    private static (long Close, long Comma)? Boundary(Stream stream, long from, long end)
    {
        var window = new byte[(int)Math.Min(BoundaryWindow, end - from)];
        var length = StreamRange.Of(stream, from, from + window.Length).ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        var bytes = window.AsSpan(0, length);
        for (var at = bytes.IndexOf((byte)'}'); at >= 0 && at < bytes.Length; at = Next(bytes, at))
        {
            var i = at + 1;
            var broken = false;
            var comma = -1;
            for (; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == '\n') broken = true;
                else if (b == ',' && comma < 0) comma = i;
                else if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t')) break;
            }

            if (i < bytes.Length && bytes[i] == '{' && comma >= 0 && broken) return (from + at, from + comma);
        }

        return null;

        static int Next(ReadOnlySpan<byte> bytes, int at) => bytes[(at + 1)..].IndexOf((byte)'}') is var n and >= 0 ? at + 1 + n : -1;
    }
}
