namespace Plumb.Server.Sync;

using System.Globalization;
using Plumb.Mining.Readers;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// Turns pulled records and audit rows into their stored form and back: strings interned into the connection's string
/// table, Table API times as UTC ticks, audit sys_ids as 16 bytes. Reading back gives the records and audit rows the
/// event-log reader takes, field for field as the Table API sent them.
/// </summary>
internal sealed class HistoryCodec
{
    /// <summary>The time fields kept as ticks (when they have the Table API form); sys_updated_on is the keyset and watermark of records.</summary>
    private static readonly string[] TimeFields = ["sys_updated_on", "sys_created_on", "opened_at", "resolved_at", "closed_at"];

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings;
    private readonly List<string> _added = [];

    public HistoryCodec(IReadOnlyList<string> strings)
    {
        _strings = [.. strings];
        for (var i = 0; i < _strings.Count; i++) _ids[_strings[i]] = i;
        FirstNew = _strings.Count;
    }

    /// <summary>The record fields a sync asks for: what the event log reads, the keyset field and the sys_id.</summary>
    public static IReadOnlyList<string> RecordFields { get; } = [.. SnowJsonEventLogReader.RecordFields.Append("sys_updated_on").Distinct(StringComparer.Ordinal)];

    /// <summary>The id of the first string added since the last <see cref="Committed"/>.</summary>
    public long FirstNew { get; private set; }

    /// <summary>Strings added since the last <see cref="Committed"/>, to be stored with the page.</summary>
    public IReadOnlyList<string> Added => _added;

    /// <summary>Call once the page holding <see cref="Added"/> is committed.</summary>
    public void Committed()
    {
        _added.Clear();
        FirstNew = _strings.Count;
    }

    public long Id(string value)
    {
        if (_ids.TryGetValue(value, out var id)) return id;
        id = _strings.Count;
        _strings.Add(value);
        _added.Add(value);
        _ids[value] = id;
        return id;
    }

    public string Text(long id) => _strings[(int)id];

    /// <summary>A pulled task record as stored.</summary>
    public StoredRecord Encode(SnowRecord record, string table)
    {
        var times = new long?[TimeFields.Length];
        var fields = new MemoryStream();
        foreach (var name in RecordFields)
        {
            if (name == "sys_id" || !record.Fields.TryGetValue(name, out var value)) continue;
            var index = Array.IndexOf(TimeFields, name);
            if (index >= 0 && TryTicks(value.Value, out var ticks))
            {
                times[index] = ticks;
                continue;
            }

            WriteVarint(fields, Id(name));
            WriteVarint(fields, Id(value.Value));
        }

        return new StoredRecord(Id(record.Get("sys_id")), Id(table), times[0], times[1], times[2], times[3], times[4], fields.ToArray());
    }

    /// <summary>A stored record as the event-log reader takes it.</summary>
    public Dictionary<string, string> Decode(StoredRecord record)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["sys_id"] = Text(record.SysId) };
        long?[] times = [record.Updated, record.Created, record.Opened, record.Resolved, record.Closed];
        for (var i = 0; i < TimeFields.Length; i++)
        {
            if (times[i] is { } ticks) fields[TimeFields[i]] = Stamp(ticks);
        }

        var at = 0;
        while (at < record.Fields.Length)
        {
            var name = Text(ReadVarint(record.Fields, ref at));
            fields[name] = Text(ReadVarint(record.Fields, ref at));
        }

        return fields;
    }

    /// <summary>A pulled sys_audit row as stored, or null with the reason when its time is not a Table API time.</summary>
    public StoredAudit? Encode(SnowRecord row, out string? problem)
    {
        problem = null;
        var created = row.Get("sys_created_on");
        if (!TryTicks(created, out var at))
        {
            problem = $"sys_created_on '{created}' is not a time (yyyy-MM-dd HH:mm:ss)";
            return null;
        }

        return new StoredAudit(AuditKey(row.Get("sys_id")), Id(row.Get("documentkey")), Id(row.Get("tablename")), Id(row.Get("fieldname")),
            Id(row.Get("oldvalue")), Id(row.Get("newvalue")), at, Id(row.Get("user")));
    }

    /// <summary>A stored audit row as the event-log reader takes it.</summary>
    public SnowAuditEntry Decode(StoredAudit row) => new(Text(row.Document), row.At, Text(row.Field), Text(row.Old), Text(row.New), Text(row.User));

    /// <summary>A Table API time as UTC ticks.</summary>
    public static bool TryTicks(string text, out long ticks)
    {
        var ok = DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at);
        ticks = ok ? at.Ticks : 0;
        return ok;
    }

    /// <summary>UTC ticks as a Table API time.</summary>
    public static string Stamp(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture);

    // A sys_id is 32 hex digits: 16 bytes. Anything else (imports, other tools) is kept as its UTF-8 bytes after a 0xFF marker.
    private static byte[] AuditKey(string sysId)
    {
        if (sysId.Length == 32 && sysId.All(char.IsAsciiHexDigitLower)) return Convert.FromHexString(sysId);
        return [0xFF, .. System.Text.Encoding.UTF8.GetBytes(sysId)];
    }

    private static void WriteVarint(MemoryStream stream, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            stream.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        stream.WriteByte((byte)v);
    }

    private static long ReadVarint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return (long)value;
        }
    }
}
