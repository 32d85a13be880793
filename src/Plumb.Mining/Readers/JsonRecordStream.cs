namespace Plumb.Mining.Readers;

using System.Text;
using System.Text.Json;

/// <summary>
/// Streams the records of a ServiceNow Table API answer (<c>{"result": [ {...}, ... ]}</c>, any top-level array property,
/// or a bare array) with <see cref="Utf8JsonReader"/>, one record in memory at a time. A reference field
/// (<c>{"link": ..., "value": ...}</c>) gives its <c>display_value</c> when present (its sys_id kept under
/// <see cref="SnowReferences.SysIdPrefix"/> + name), else its <c>value</c>; other fields as objects give their stored value.
/// </summary>
internal static class JsonRecordStream
{
    public static IEnumerable<Dictionary<string, string>> Read(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        var eof = false;
        var state = new JsonReaderState();
        var topIsArray = (bool?)null;
        var records = new List<Dictionary<string, string>>();
        string? property = null;
        var start = 0;
        if (stream.Read(buffer.AsSpan(0, 3)) is var head && head == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) length = 0;
        else length = head;
        while (true)
        {
            if (!eof && length < buffer.Length)
            {
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0) eof = true;
                length += n;
            }

            if (eof && length == 0 && topIsArray is null) throw new JsonException("the file is empty");
            var consumed = Scan(buffer.AsSpan(start, length - start), eof, ref state, ref topIsArray, ref property, records);
            foreach (var record in records) yield return record;
            records.Clear();
            start += consumed;
            if (eof)
            {
                if (topIsArray is null) throw new JsonException("the file holds no JSON records (it is empty)");
                if (start < length && !IsWhitespace(buffer.AsSpan(start, length - start))) throw new JsonException("the JSON ends in the middle of a record");
                yield break;
            }

            // Keep the unread tail at the front; grow when a single record fills the whole buffer.
            Array.Copy(buffer, start, buffer, 0, length - start);
            length -= start;
            start = 0;
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static int Scan(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref bool? topIsArray, ref string? property,
        List<Dictionary<string, string>> records)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var before = reader;
            if (!reader.Read()) break;
            if (topIsArray is null)
            {
                if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject)) throw new JsonException("expected a JSON object or array");
                topIsArray = reader.TokenType == JsonTokenType.StartArray;
                continue;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1) property = reader.GetString();
            var isRecord = reader.TokenType == JsonTokenType.StartObject
                && ((topIsArray.Value && reader.CurrentDepth == 1) || (!topIsArray.Value && reader.CurrentDepth == 2)
                    || (!topIsArray.Value && reader.CurrentDepth == 1 && property == "result"));
            if (!isRecord)
            {
                if (reader.TokenType == JsonTokenType.StartObject && !topIsArray.Value && reader.CurrentDepth == 1)
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
            if (ReadRecord(ref reader) is not { } record)
            {
                reader = before;
                break;
            }

            records.Add(record);
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // Null when the buffer ends inside the record (the caller rewinds to its start and refills).
    private static Dictionary<string, string>? ReadRecord(ref Utf8JsonReader reader)
    {
        var record = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = reader.CurrentDepth;
        while (true)
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return record;
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var name = reader.GetString()!;
            if (!reader.Read()) return null;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    record[name] = reader.GetString()!;
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    record[name] = Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                case JsonTokenType.StartObject:
                    if (ReadReference(ref reader) is not var (value, display)) return null;

                    // A reference (a sys_id) shows its display value and keeps the sys_id aside; a choice or date under
                    // sysparm_display_value=all keeps its stored value (state "2", UTC times), not the localised display.
                    if (display is not null && (value is null || SnowReferences.IsSysId(value)))
                    {
                        record[name] = display;
                        if (value is not null) record[SnowReferences.SysIdPrefix + name] = value;
                    }
                    else
                    {
                        record[name] = value ?? "";
                    }

                    break;
                case JsonTokenType.StartArray:
                    if (!reader.TrySkip()) return null;
                    break;
            }
        }
    }

    private static (string? Value, string? Display)? ReadReference(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        string? value = null, display = null;
        while (true)
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return (value, display);
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var name = reader.GetString();
            if (!reader.Read()) return null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!reader.TrySkip()) return null;
            }
            else if (reader.TokenType == JsonTokenType.String && name == "value")
            {
                value = reader.GetString();
            }
            else if (reader.TokenType == JsonTokenType.String && name == "display_value")
            {
                display = reader.GetString();
            }
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
        }

        return true;
    }
}
