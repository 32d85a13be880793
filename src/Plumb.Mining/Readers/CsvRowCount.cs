namespace Plumb.Mining.Readers;

using System.Buffers;

/// <summary>Counts the records of a CSV file in a quick pass over its bytes (line breaks outside quotes), then rewinds.</summary>
internal static class CsvRowCount
{
    /// <summary>
    /// The number of records from the stream's position to its end (header included; blank lines count, so it is an upper bound
    /// for odd files); the stream is returned to where it was. Beyond <see cref="int.MaxValue"/> rows the answer is 0 (unknown).
    /// </summary>
    public static int Count(Stream stream)
    {
        var start = stream.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long lines = 0;
            var quoted = false;
            var last = (byte)'\n';
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                last = span[^1];
                if (!quoted && !span.Contains((byte)'"'))
                {
                    lines += span.Count((byte)'\n');
                    continue;
                }

                // Quotes toggle (a doubled quote toggles twice); a line break inside quotes is part of a field.
                foreach (var b in span)
                {
                    if (b == '"') quoted = !quoted;
                    else if (b == '\n' && !quoted) lines++;
                }
            }

            if (last != '\n') lines++;
            return lines > int.MaxValue ? 0 : (int)lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }
}
