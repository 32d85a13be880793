namespace Plumb.ServiceNow.Snapshot;

using System.Text.Json;

/// <summary>
/// Reads records from Table API JSON: <c>{"result":[...]}</c> (a list), <c>{"result":{...}}</c> (one record) or the
/// JSONv2 export shape <c>{"records":[...]}</c>. Field values may be plain strings, <c>{"value","link"}</c> references or
/// <c>{"value","display_value"}</c> pairs (<c>sysparm_display_value=all</c>).
/// </summary>
public static class TableApiJsonReader
{
    /// <summary>The deepest nesting accepted; the parser refuses more before it builds anything, so cost stays linear.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads every record of a JSON document; <paramref name="table"/> names the table when the file does not.</summary>
    public static IReadOnlyList<SnowRecord> Read(Stream json, string source, string? table, List<SnapshotError> errors)
    {
        var records = new List<SnowRecord>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var why = e.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? $"values are nested more than {MaxDepth} levels deep; Table API records are 3 levels deep"
                : FirstSentence(e.Message);
            errors.Add(new SnapshotError(source, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {why}"));
            return records;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SnapshotError(source, 1, "expected a JSON object with a \"result\" field, as the Table API returns"));
                return records;
            }

            if (root.TryGetProperty("error", out var error))
            {
                errors.Add(new SnapshotError(source, 1, $"the file holds a Table API error, not records: {ErrorText(error)}"));
                return records;
            }

            if (!root.TryGetProperty("result", out var result) && !root.TryGetProperty("records", out result))
            {
                errors.Add(new SnapshotError(source, 1, "no \"result\" (or \"records\") field: this is not Table API JSON"));
                return records;
            }

            var items = result.ValueKind switch
            {
                JsonValueKind.Array => result.EnumerateArray().ToList(),
                JsonValueKind.Object => [result],
                _ => null,
            };
            if (items is null)
            {
                errors.Add(new SnapshotError(source, 1, "\"result\" must be a list of records or one record"));
                return records;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SnapshotError(source, null, $"result[{i}] is not a record (a JSON object)"));
                    continue;
                }

                records.Add(ReadRecord(items[i], source, table));
            }
        }

        return records;
    }

    /// <summary>The message of a Table API error object, <c>{"message": ..., "detail": ...}</c>.</summary>
    public static string ErrorText(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object) return error.ToString();
        var message = error.TryGetProperty("message", out var m) ? m.ToString() : "";
        var detail = error.TryGetProperty("detail", out var d) ? d.ToString() : "";
        return detail.Length > 0 && detail != message ? $"{message} ({detail})" : message;
    }

    private static SnowRecord ReadRecord(JsonElement item, string source, string? table)
    {
        var name = table ?? (item.TryGetProperty("sys_class_name", out var c) ? Value(c).Value : "");
        var record = new SnowRecord(name, source);
        foreach (var property in item.EnumerateObject()) record.Set(property.Name, Value(property.Value));
        return record;
    }

    private static SnowValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new SnowValue(value.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => new SnowValue(""),
        JsonValueKind.Object => new SnowValue(
            value.TryGetProperty("value", out var v) ? Value(v).Value : "",
            value.TryGetProperty("display_value", out var dv) ? Value(dv).Value : null),
        _ => new SnowValue(value.GetRawText()),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
