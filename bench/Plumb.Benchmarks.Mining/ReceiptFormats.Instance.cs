namespace Plumb.Benchmarks.Mining;

using System.Globalization;
using System.Text.Json;
using Plumb.Mining.EventLogs;

public static partial class ReceiptFormats
{
    /// <summary>The bench's name of the ServiceNow JSON export shaped as a real instance gives it (read as <c>snow-json</c>).</summary>
    public const string SnowInstance = "snow-instance";

    /// <summary>
    /// Writes the log as a real instance's Table API export: the task records with <c>sysparm_display_value=all</c> (every
    /// field a <c>{"display_value", "value"}</c> pair, references with their link), the <c>sys_audit</c> rows in a file of their
    /// own with the fields the table has (sys_id, checkpoints, reason, sys_created_by, ...; group changes as sys_ids), and a
    /// <c>sys_user_group</c> export naming the groups. Returns the records, audit and groups files.
    /// </summary>
    public static (string Records, string Audit, string Groups) WriteInstanceExport(EventLog csvLog, string folder, string name)
    {
        var log = WithActivitiesAsStates(csvLog);
        var files = (Path.Combine(folder, name + ".records.json"), Path.Combine(folder, name + ".audit.json"), Path.Combine(folder, name + ".groups.json"));
        const string instance = "https://dev.service-now.com/api/now/table/";
        using (var json = new Utf8JsonWriter(File.Create(files.Item1), new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("result");
            for (var c = 0; c < log.CaseCount; c++)
            {
                var (first, last) = (log.Start(c), log.End(c) - 1);
                json.WriteStartObject();
                Pair(json, "sys_class_name", "Incident", "incident");
                Pair(json, "sys_id", SysId(0, c), SysId(0, c));
                Pair(json, "number", log.CaseIds[c], log.CaseIds[c]);
                Pair(json, "opened_at", Display(log.Timestamps[first]), Time(log.Timestamps[first]));
                Pair(json, "sys_updated_on", Display(log.Timestamps[last]), Time(log.Timestamps[last]));
                Pair(json, "state", log.StateValues[log.States![last]], log.StateValues[log.States[last]]);
                Pair(json, "priority", "4 - Low", "4");
                if (Name(log.GroupNames, log.Groups, last) is { } group) Pair(json, "assignment_group", group, GroupId(log, group), instance + "sys_user_group/");
                if (Name(log.ResourceNames, log.Resources, first) is { } opener) Pair(json, "opened_by", opener, SysId(2, log.Resources![first]), instance + "sys_user/");
                foreach (var a in log.Attributes.Values)
                {
                    if (a.ValueOf(c) is { } value) Pair(json, a.Name, value, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        using (var json = new Utf8JsonWriter(File.Create(files.Item2), new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("result");
            var row = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                string? state = null, group = null;
                for (var e = log.Start(c); e < log.End(c); e++)
                {
                    var user = Name(log.ResourceNames, log.Resources, e) ?? "system";
                    var newState = log.StateValues[log.States![e]];
                    var newGroup = Name(log.GroupNames, log.Groups, e) ?? group;
                    if (newState != state) Audit(json, row++, c, e - log.Start(c), "state", state ?? "", newState, log.Timestamps[e], user);
                    if (newGroup != group) Audit(json, row++, c, e - log.Start(c), "assignment_group", group is null ? "" : GroupId(log, group), GroupId(log, newGroup!), log.Timestamps[e], user);
                    (state, group) = (newState, newGroup);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        using (var json = new Utf8JsonWriter(File.Create(files.Item3), new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("result");
            for (var g = 0; g < log.GroupNames.Count; g++)
            {
                json.WriteStartObject();
                json.WriteString("sys_id", SysId(1, g));
                json.WriteString("name", log.GroupNames[g]);
                json.WriteString("active", "true");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return files;
    }

    private static void Audit(Utf8JsonWriter json, int row, int c, int update, string field, string oldValue, string newValue, long ticks, string user)
    {
        var time = Time(ticks);
        json.WriteStartObject();
        json.WriteString("documentkey", SysId(0, c));
        json.WriteString("fieldname", field);
        json.WriteString("internal_checkpoint", (ticks / 10_000).ToString("x", CultureInfo.InvariantCulture) + "0000001");
        json.WriteString("newvalue", newValue);
        json.WriteString("oldvalue", oldValue);
        json.WriteString("reason", "");
        json.WriteString("record_checkpoint", (update + 1).ToString(CultureInfo.InvariantCulture));
        json.WriteString("sys_created_by", user);
        json.WriteString("sys_created_on", time);
        json.WriteString("sys_id", SysId(3, row));
        json.WriteString("sys_mod_count", "0");
        json.WriteString("sys_updated_by", user);
        json.WriteString("sys_updated_on", time);
        json.WriteString("tablename", "incident");
        json.WriteString("user", user);
        json.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter json, string name, string display, string value, string? link = null)
    {
        json.WriteStartObject(name);
        json.WriteString("display_value", display);
        if (link is not null) json.WriteString("link", link + value);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    // A sys_id per kind (0 record, 1 group, 2 user, 3 audit row) and number: 32 hexadecimal digits.
    private static string SysId(int kind, int n) => kind.ToString("x2", CultureInfo.InvariantCulture) + n.ToString("x30", CultureInfo.InvariantCulture);

    private static string GroupId(EventLog log, string group) => SysId(1, log.GroupNames.Find(group));

    private static string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // The instance's display form (the user's date format and time zone; here dd/MM/yyyy in UTC).
    private static string Display(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("dd/MM/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);
}
