namespace Plumb.Mining.Readers;

/// <summary>
/// Where an XES file can be cut so its parts are read at once: the file's own <c>&lt;log …&gt;</c> start tag, which opens every
/// part after the first (its namespace declarations with it), and <c>&lt;trace</c> starts near the middle of the file that lie
/// outside comments and CDATA. What is found here is a guess the parts' XML readers then confirm: the first part read up to
/// a cut and closed there must be well-formed, or the file is read again in one pass.
/// </summary>
internal static class XesLogCuts
{
    // How far past its target a cut is looked for: a trace longer than this near the middle leaves the file in one part.
    private const int Search = 64 << 20;
    private const int Window = 1 << 20;

    // Whitespace longer than this before a <trace is not looked through (the candidate is passed over).
    private const int LookBack = 256;

    // How far after a candidate a comment or CDATA section it would sit in must close to be noticed.
    private const int LookAhead = 256 << 10;

    /// <summary>The bytes of the log's start tag and the offset just past it.</summary>
    public sealed record LogStart(byte[] Tag, long End);

    /// <summary>
    /// The start tag of the root <c>log</c> element of bytes [start, end), or null when the parts of the file could not be read
    /// alone: text not in UTF-8 (a byte order mark or declaration of another encoding), a document type declaration, a root of
    /// another name or an empty log.
    /// </summary>
    public static LogStart? FindLogStart(Stream stream, long start, long end)
    {
        var head = Bytes(stream, start, Math.Min(end, start + Window));
        var at = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (true)
        {
            while (at < head.Length && IsSpace(head[at])) at++;
            var rest = head.AsSpan(at);
            if (rest.StartsWith("<?"u8))
            {
                var close = rest.IndexOf("?>"u8);
                if (close < 0 || (rest.StartsWith("<?xml"u8) && !DeclaresUtf8(rest[..close]))) return null;
                at += close + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                var close = rest.IndexOf("-->"u8);
                if (close < 0) return null;
                at += close + 3;
            }
            else if (rest.StartsWith("<log"u8) && rest.Length > 4 && (IsSpace(rest[4]) || rest[4] == '>'))
            {
                var close = TagEnd(rest, 4);
                if (close < 0 || rest[close - 1] == '/') return null;
                return new LogStart(rest[..(close + 1)].ToArray(), start + at + close + 1);
            }
            else
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Offsets of <c>&lt;trace</c> starts that cut bytes [from, end) into up to <paramref name="parts"/> parts of about equal
    /// size, in order; fewer (none) when no trace start is found near a target.
    /// </summary>
    public static long[] Find(Stream stream, long from, long end, int parts)
    {
        var cuts = new List<long>();
        for (var p = 1; p < parts; p++)
        {
            var target = Math.Max(from + ((end - from) * p / parts), cuts.Count > 0 ? cuts[^1] + 1 : from);
            if (TraceStart(stream, from, end, target) is var cut and >= 0) cuts.Add(cut);
        }

        return [.. cuts];
    }

    /// <summary>
    /// The number of <c>&lt;event</c> start tags in bytes [start, end): the events of that part of the file, so its builder
    /// allocates each column once at its size. One in a comment, or an event left out, only makes the guess too large.
    /// </summary>
    public static int CountEvents(Stream stream, long start, long end)
    {
        var buffer = new byte[Window];
        var range = StreamRange.Of(stream, start, end);
        var count = 0;
        var kept = 0;
        while (true)
        {
            var read = range.ReadAtLeast(buffer.AsSpan(kept), buffer.Length - kept, throwOnEndOfStream: false);
            var span = buffer.AsSpan(0, kept + read);
            var last = read == 0;

            // The bytes after the last whole "<event?" wait for the next read, so a tag cut by the buffer's end is seen whole.
            var whole = last ? span.Length : Math.Max(0, span.Length - "<event".Length);
            for (var i = 0; ;)
            {
                var found = span[i..].IndexOf("<event"u8);
                if (found < 0 || i + found >= whole) break;
                i += found + "<event".Length;
                if (i < span.Length && (IsSpace(span[i]) || span[i] is (byte)'>' or (byte)'/')) count++;
            }

            if (last) return count;
            kept = span.Length - whole;
            span[whole..].CopyTo(buffer);
        }
    }

    // The first "<trace" at or after target that follows a tag's '>' (and whitespace) and is not seen to lie in a comment or
    // CDATA section; -1 when none is found within the search distance.
    private static long TraceStart(Stream stream, long from, long end, long target)
    {
        var limit = Math.Min(end, target + Search);
        var position = target;
        while (position < limit)
        {
            var windowStart = Math.Max(from, position - LookBack);
            var window = Bytes(stream, windowStart, Math.Min(end, position + Window));
            var next = -1L;
            for (var i = (int)(position - windowStart); i < window.Length;)
            {
                var found = window.AsSpan(i).IndexOf("<trace"u8);
                if (found < 0) break;
                i += found;
                if (Follows(window, i))
                {
                    var closer = Unclosed(stream, windowStart + i, end);
                    if (closer < 0) return windowStart + i;
                    next = closer;
                    break;
                }

                i++;
            }

            // Past a comment or CDATA section the candidate sat in; else on with the next window (overlapping, for a name cut in two).
            position = next >= 0 ? next : windowStart + window.Length - 8;
            if (windowStart + window.Length >= end && next < 0) break;
        }

        return -1;
    }

    // Whether the "<trace" at i is an element's start: a name ends after it, and before it, past whitespace, a tag ended.
    private static bool Follows(byte[] window, int i)
    {
        var after = i + "<trace".Length;
        if (after >= window.Length || !(IsSpace(window[after]) || window[after] is (byte)'>' or (byte)'/')) return false;
        var before = i - 1;
        while (before >= 0 && IsSpace(window[before])) before--;
        return before >= 0 && window[before] == '>';
    }

    // Reads on from a candidate as XML markup: a "-->" or "]]>" that no "<!--" or "<![CDATA[" after the candidate opened means
    // the candidate was inside a comment or CDATA section. Gives the offset after that closer, or -1 when none is seen.
    private static long Unclosed(Stream stream, long candidate, long end)
    {
        var bytes = Bytes(stream, candidate, Math.Min(end, candidate + LookAhead));
        var span = bytes.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var k = span[i..].IndexOfAny((byte)'<', (byte)'>');
            if (k < 0) break;
            k += i;
            if (span[k] == '>')
            {
                if (k >= 2 && (span[(k - 2)..k].SequenceEqual("--"u8) || span[(k - 2)..k].SequenceEqual("]]"u8))) return candidate + k + 1;
                i = k + 1;
                continue;
            }

            var rest = span[k..];
            int close;
            if (rest.StartsWith("<!--"u8)) close = Skip(rest, "-->"u8);
            else if (rest.StartsWith("<![CDATA["u8)) close = Skip(rest, "]]>"u8);
            else if (rest.StartsWith("<?"u8)) close = Skip(rest, "?>"u8);
            else close = TagEnd(rest, 1) is var tag and >= 0 ? tag + 1 : -1;
            if (close < 0) break;
            i = k + close;
        }

        return -1;

        static int Skip(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> closer) => rest.IndexOf(closer) is var at and >= 0 ? at + closer.Length : -1;
    }

    // The index of the '>' that ends the tag begun in span, looking from i, past quoted attribute values; -1 when not in span.
    private static int TagEnd(ReadOnlySpan<byte> span, int i)
    {
        while (i < span.Length)
        {
            var k = span[i..].IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (k < 0) return -1;
            i += k;
            if (span[i] == '>') return i;
            var quote = span[i];
            var close = span[(i + 1)..].IndexOf(quote);
            if (close < 0) return -1;
            i += close + 2;
        }

        return -1;
    }

    // An XML declaration without an encoding, or with UTF-8 (the parts after the first are read as UTF-8).
    private static bool DeclaresUtf8(ReadOnlySpan<byte> declaration)
    {
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0) return true;
        var value = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n="u8).TrimStart(" \t\r\n"u8);
        if (value.IsEmpty) return false;
        var quote = value[0];
        var close = value[1..].IndexOf(quote);
        if (close < 0) return false;
        var name = System.Text.Encoding.ASCII.GetString(value.Slice(1, close));
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static byte[] Bytes(Stream stream, long start, long end)
    {
        var bytes = new byte[Math.Max(0, end - start)];
        var read = StreamRange.Of(stream, start, end).ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        return read == bytes.Length ? bytes : bytes[..read];
    }
}
