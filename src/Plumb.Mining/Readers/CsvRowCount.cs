namespace Plumb.Mining.Readers;

using System.Buffers;

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
}
