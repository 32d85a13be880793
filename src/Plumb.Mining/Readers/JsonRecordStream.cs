namespace Plumb.Mining.Readers;

using System.Buffers;
using System.Text.Json;

/// <summary>
/// Streams the records of a ServiceNow Table API answer (<c>{"result": [ {...}, ... ]}</c>, any top-level array property,
/// or a bare array) with <see cref="Utf8JsonReader"/> over a pooled buffer, one record at a time, into a <see cref="SnowJsonInput"/>.
/// Field names are compared as UTF-8 bytes and values interned from them: no string per name or per repeated value. A reference
/// field (<c>{"link": ..., "value": ...}</c>) gives its <c>display_value</c> when present (its sys_id kept under
/// <see cref="SnowReferences.SysIdPrefix"/> + name), else its <c>value</c>; other fields as objects give their stored value.
/// </summary>
internal static partial class JsonRecordStream
{
    /// <summary>Reads every record of the stream into <paramref name="input"/>; stops early when it sets a problem. Bad JSON throws <see cref="JsonException"/>.</summary>
    public static void Read(Stream stream, SnowJsonInput input)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
        var fields = new RecordFields(input);
        try
        {
            var length = 0;
            var eof = false;
            var state = new JsonReaderState();
            var top = new TopLevel();
            var start = 0;
            if (stream.ReadAtLeast(buffer.AsSpan(0, 3), 3, throwOnEndOfStream: false) is var head && head == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) length = 0;
            else length = head;
            while (true)
            {
                if (!eof && length < buffer.Length)
                {
                    var n = stream.Read(buffer, length, buffer.Length - length);
                    if (n == 0) eof = true;
                    length += n;
                }

                if (eof && length == 0 && top.IsArray is null) throw new JsonException("the file is empty");
                start += Scan(buffer.AsSpan(start, length - start), eof, ref state, ref top, fields);
                if (input.Problem is not null) return;
                if (eof)
                {
                    if (top.IsArray is null) throw new JsonException("the file holds no JSON records (it is empty)");
                    if (start < length && !IsWhitespace(buffer.AsSpan(start, length - start))) throw new JsonException("the JSON ends in the middle of a record");
                    return;
                }

                // Keep the unread tail at the front; grow when a single record fills the whole buffer.
                Array.Copy(buffer, start, buffer, 0, length - start);
                length -= start;
                start = 0;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the records of a stream as field maps (the small exports of groups and users); audit rows among them are left out.</summary>
    public static List<Dictionary<string, string>> ReadRecords(Stream stream)
    {
        var input = new SnowJsonInput(new TimestampParser());
        Read(stream, input);
        return [.. input.Records()];
    }

    private static int Scan(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref TopLevel top, RecordFields fields)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var before = reader;
            if (!reader.Read()) break;
            if (top.IsArray is null)
            {
                if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject)) throw new JsonException("expected a JSON object or array");
                top.IsArray = reader.TokenType == JsonTokenType.StartArray;
                continue;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1) top.InResult = Is(ref reader, "result"u8);
            var isArray = top.IsArray.Value;
            var isRecord = reader.TokenType == JsonTokenType.StartObject
                && ((isArray && reader.CurrentDepth == 1) || (!isArray && reader.CurrentDepth == 2) || (!isArray && reader.CurrentDepth == 1 && top.InResult));
            if (!isRecord)
            {
                if (reader.TokenType == JsonTokenType.StartObject && !isArray && reader.CurrentDepth == 1)
                {
                    // Another object-valued property (e.g. "error"): skip it whole.
                    var skip = reader;
                    if (!skip.TrySkip())
                    {
                        reader = before;
                        break;
                    }

                    reader = skip;
                }

                continue;
            }

            // Read in one pass; a record cut off by the end of the buffer is read again, whole, after the next refill.
            if (!fields.Read(ref reader, data))
            {
                reader = before;
                break;
            }

            if (!fields.Emit(data)) break;
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // A property name compared as UTF-8 bytes (unescaped first only when the file escaped it).
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.ValueIsEscaped ? reader.ValueTextEquals(name) : reader.ValueSpan.SequenceEqual(name);

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \n\r\t"u8) < 0;

    private struct TopLevel
    {
        public bool? IsArray;

        // Whether the latest top-level property is "result" (an object there is one record).
        public bool InResult;
    }
}
