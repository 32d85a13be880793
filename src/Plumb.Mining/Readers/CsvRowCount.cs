namespace Plumb.Mining.Readers;

using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

/// <summary>
/// Counts the records of a CSV file in a quick pass over its bytes (line breaks outside quotes), then rewinds; on the way it
/// finds where the file can be cut into parts that begin with a whole record, for reading the parts in parallel.
/// </summary>
internal static class CsvRowCount
{
    /// <summary>
    /// The number of records from the stream's position to its end (header included; blank lines count, so it is an upper bound
    /// for odd files); the stream is returned to where it was. Beyond <see cref="int.MaxValue"/> rows the answer is 0 (unknown).
    /// </summary>
    public static int Count(Stream stream) => Scan(stream, 1).Rows;

    /// <summary>
    /// The number of records (as <see cref="Count"/>) and up to <paramref name="parts"/> - 1 places to cut the stream: each the
    /// offset just after a line break outside quotes (at or after an even share of the bytes), the one-based line it begins and
    /// the records before it (header included).
    /// No cut is offered when the quoting cannot be followed byte by byte: a quote that opens inside an unquoted field, or a
    /// carriage return without a line feed (then the record reader's lines and these would disagree).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (int Rows, (long Offset, int Line, int Records)[] Cuts) Scan(Stream stream, int parts)
    {
        var start = stream.Position;
        var length = parts > 1 ? stream.Length - start : 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var cuts = new List<(long, int, int)>();
        try
        {
            long lines = 0, newlines = 0, position = 0;
            var quoted = false;
            bool regular = true, crAtEnd = false;
            var last = (byte)'\n';
            var nextCut = parts > 1 ? length / parts : long.MaxValue;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (crAtEnd && span[0] != '\n') regular = false;
                crAtEnd = false;
                if (!quoted && position + read <= nextCut && !span.Contains((byte)'"')
                    && (parts == 1 || !regular || span.Count((byte)'\r') == span.Count("\r\n"u8)))
                {
                    var n = span.Count((byte)'\n');
                    lines += n;
                    newlines += n;
                    last = span[^1];
                    position += read;
                    continue;
                }

                // Quotes toggle (a doubled quote toggles twice); a line break inside quotes is part of a field.
                for (var i = 0; i < span.Length; i++)
                {
                    var b = span[i];
                    if (b == '"')
                    {
                        if (!quoted && last is not ((byte)'\n' or (byte)'\r' or (byte)',' or (byte)';' or (byte)'\t' or (byte)'|' or (byte)'"')) regular = false;
                        quoted = !quoted;
                    }
                    else if (b == '\n')
                    {
                        newlines++;
                        if (!quoted)
                        {
                            lines++;
                            if (position + i + 1 >= nextCut && regular && cuts.Count < parts - 1 && position + i + 1 < length)
                            {
                                cuts.Add((position + i + 1, (int)Math.Min(newlines + 1, int.MaxValue), (int)Math.Min(lines, int.MaxValue)));
                                nextCut = cuts.Count < parts - 1 ? length / parts * (cuts.Count + 1) : long.MaxValue;
                            }
                        }
                    }
                    else if (b == '\r')
                    {
                        // A CR at the end of the buffer is checked against the next one's first byte.
                        if (i + 1 == span.Length) crAtEnd = true;
                        else if (span[i + 1] != '\n') regular = false;
                    }

                    last = b;
                }

                position += read;
            }

            if (last != '\n') lines++;
            if (!regular || newlines > int.MaxValue) cuts.Clear();
            return (lines > int.MaxValue ? 0 : (int)lines, [.. cuts]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }

    /// <summary>
    /// <see cref="Scan"/> on several cores, for a stream whose parts can be read at once (<see cref="StreamRange.CanShare"/>):
    /// each of <paramref name="parts"/> even shares of the bytes is counted on its own thread, and each cut falls after the
    /// first line feed at or after its share's start, where the one-thread scan puts it. Null when that scan is needed: a
    /// share holds a quote (line feeds inside quotes are no records' ends), a carriage return without a line feed, or no
    /// line feed to cut after.
    /// </summary>
    public static (int Rows, (long Offset, int Line, int Records)[] Cuts)? ScanShared(Stream stream, int parts)
    {
        var start = stream.Position;
        var length = stream.Length - start;
        if (parts < 2 || length < parts) return null;
        var bounds = new long[parts + 1];
        for (var p = 0; p < parts; p++) bounds[p] = start + (length / parts * p);
        bounds[parts] = stream.Length;
        var shares = new Share[parts];
        var others = new Task[parts - 1];
        for (var p = 1; p < parts; p++)
        {
            var part = p;
            others[p - 1] = Task.Run(() => shares[part] = Share.Count(stream, bounds[part], bounds[part + 1]));
        }

        shares[0] = Share.Count(stream, bounds[0], bounds[1]);
        Task.WaitAll(others);
        if (shares.Any(s => s.Irregular)) return null;

        var cuts = new (long Offset, int Line, int Records)[parts - 1];
        long before = shares[0].LineFeeds;
        for (var p = 1; p < parts; p++)
        {
            // After the line feed that ends the share before, or after the share's own first one (counted as before the cut).
            var (offset, records) = shares[p].AfterLineFeed ? (bounds[p], before) : (shares[p].FirstLineFeed + 1, before + 1);
            if (shares[p].FirstLineFeed < 0 && !shares[p].AfterLineFeed) return null;
            if (offset >= stream.Length || (p > 1 && offset <= cuts[p - 2].Offset + start) || records > int.MaxValue - 1) return null;
            cuts[p - 1] = (offset - start, (int)records + 1, (int)records);
            before += shares[p].LineFeeds;
        }

        var lines = before + (shares[^1].EndsWithLineFeed ? 0 : 1);
        return lines > int.MaxValue ? null : ((int)lines, cuts);
    }

    /// <summary>
    /// The line feeds of <paramref name="bytes"/> in one pass; not regular when they hold a quote, or a carriage return not
    /// followed by a line feed (a carriage return as the last byte is the caller's to check against the next byte).
    /// Vectors of 32 bytes: a mask each of line feeds, quotes and carriage returns, a carriage return's bit shifted onto the
    /// line feed that must follow it (three passes of CoreLib's searches took a third more time than this one).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static long CountLineFeeds(ReadOnlySpan<byte> bytes, out bool regular)
    {
        long count = 0;
        var i = 0;
        var carry = 0u; // a carriage return ended the vector before: the next byte must be a line feed
        var odd = 0u;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(bytes);
            var (lf, quote, cr) = (Vector256.Create((byte)'\n'), Vector256.Create((byte)'"'), Vector256.Create((byte)'\r'));
            for (; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var lfs = Vector256.Equals(v, lf).ExtractMostSignificantBits();
                var crs = Vector256.Equals(v, cr).ExtractMostSignificantBits();
                count += BitOperations.PopCount(lfs);
                odd |= Vector256.Equals(v, quote).ExtractMostSignificantBits() | (((crs << 1) | carry) & ~lfs);
                carry = crs >> 31;
            }
        }

        for (; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (carry != 0 && b != '\n') odd = 1;
            carry = b == '\r' ? 1u : 0;
            if (b == '\n') count++;
            else if (b == '"') odd = 1;
        }

        regular = odd == 0;
        return count;
    }

    // What one share of the bytes holds: its line feeds, the first of them, whether the byte before the share is one and
    // whether the share ends with one; irregular when it holds a quote or a carriage return not followed by a line feed.
    private readonly record struct Share(long LineFeeds, long FirstLineFeed, bool AfterLineFeed, bool EndsWithLineFeed, bool Irregular)
    {
        private static readonly Share Refused = new(0, -1, false, false, true);

        public static Share Count(Stream stream, long from, long to)
        {
            Span<byte> one = stackalloc byte[1];
            var after = from > 0 && StreamRange.Of(stream, from - 1, from).Read(one) == 1 && one[0] == '\n';
            var range = StreamRange.Of(stream, from, to);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                long lineFeeds = 0, first = -1, position = from;
                var crAtEnd = false;
                byte last = 0;
                int read;
                while ((read = range.Read(buffer)) > 0)
                {
                    var span = buffer.AsSpan(0, read);
                    if (crAtEnd && span[0] != '\n') return Refused;
                    crAtEnd = span[^1] == '\r';
                    var n = CountLineFeeds(span, out var regular);
                    if (!regular) return Refused;
                    if (first < 0 && n > 0) first = position + span.IndexOf((byte)'\n');
                    lineFeeds += n;
                    last = span[^1];
                    position += read;
                }

                // A CR that ends the share goes with the next share's first byte (at the end of the file, with none).
                if (crAtEnd && to < stream.Length && !(StreamRange.Of(stream, to, to + 1).Read(one) == 1 && one[0] == '\n')) return Refused;
                return new Share(lineFeeds, first, after, last == '\n', false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
