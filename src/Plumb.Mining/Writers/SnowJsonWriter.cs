namespace Plumb.Mining.Writers;

using System.Globalization;
using System.Text.Json;
using Plumb.Mining.EventLogs;

/// <summary>
/// Writes a log as ServiceNow Table API JSON: <c>{"result": [...]}</c> holding one task record per case of the log's table (incident unless the log names another; number, sys_id,
/// opened_at, state, priority, assignment_group, attributes, the last value of each field the log keeps per event) followed by
/// the <c>sys_audit</c> rows of its changes of state, assignment group, priority and of every field kept per event (the field a
/// step is mapped on, such as major_incident_state: one row per changed field, as an instance audits them). Only what
/// ServiceNow audits survives: events that change none of these are not written.
/// </summary>
public static class SnowJsonWriter
{
    /// <summary>Writes the log.</summary>
    public static void Write(EventLog log, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("result");
        // The log's own table (a problem log's records are problems): the reader reads states with that table's choices.
        var table = log.Table ?? "incident";
        var newValue = Readers.StateChoices.For(table).NewValue;
        var fields = log.EventAttributes.Values.Where(a => !Readers.SnowHistory.IsCoreField(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        var fieldValues = new string?[fields.Length];
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (log.Start(c) == log.End(c)) continue;
            var sysId = SysId(c);
            var first = log.Start(c);
            var last = log.End(c) - 1;
            json.WriteStartObject();
            json.WriteString("sys_class_name", table);
            json.WriteString("sys_id", sysId);
            json.WriteString("number", log.CaseIds[c]);
            json.WriteString("opened_at", Time(log.Timestamps[first]));
            json.WriteString("sys_updated_on", Time(log.Timestamps[last]));
            json.WriteString("state", Value(log.StateValues, log.States, last) ?? "");
            json.WriteString("priority", CaseDimensions.PriorityOf(log, c) ?? "");
            foreach (var a in log.Attributes.Values.Where(a => a.Name is not ("priority" or "number" or "sys_id" or "state") && !fields.Any(f => f.Name == a.Name)))
            {
                if (a.ValueOf(c) is { } value) json.WriteString(a.Name, value);
            }

            // The record holds each field's current value: its last change.
            foreach (var field in fields)
            {
                for (var e = last; e >= first; e--)
                {
                    if (field.ValueOf(e) is not { } value) continue;
                    json.WriteString(field.Name, value);
                    break;
                }
            }

            json.WriteEndObject();
        }

        for (var c = 0; c < log.CaseCount; c++)
        {
            var sysId = SysId(c);
            string? state = null, group = null, priority = null;
            Array.Clear(fieldValues);
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var user = Value(log.ResourceNames, log.Resources, e) ?? "system";
                var time = Time(log.Timestamps[e]);
                var newState = Value(log.StateValues, log.States, e) ?? (e == log.Start(c) ? newValue : state);
                var newGroup = Value(log.GroupNames, log.Groups, e) ?? group;
                var newPriority = Value(log.PriorityValues, log.Priorities, e) ?? priority;
                if (newState != state) Audit(json, table, sysId, "state", state, newState, time, user);
                if (newGroup != group) Audit(json, table, sysId, "assignment_group", group, newGroup, time, user);
                if (newPriority != priority && priority is not null) Audit(json, table, sysId, "priority", priority, newPriority, time, user);
                for (var f = 0; f < fields.Length; f++)
                {
                    if (fields[f].ValueOf(e) is not { } value || value == fieldValues[f]) continue;
                    Audit(json, table, sysId, fields[f].Name, fieldValues[f], value, time, user);
                    fieldValues[f] = value;
                }

                (state, group, priority) = (newState, newGroup, newPriority);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Audit(Utf8JsonWriter json, string table, string sysId, string field, string? oldValue, string? newValue, string time, string user)
    {
        json.WriteStartObject();
        json.WriteString("tablename", table);
        json.WriteString("documentkey", sysId);
        json.WriteString("fieldname", field);
        json.WriteString("oldvalue", oldValue ?? "");
        json.WriteString("newvalue", newValue ?? "");
        json.WriteString("sys_created_on", time);
        json.WriteString("user", user);
        json.WriteEndObject();
    }

    private static string SysId(int c) => c.ToString("x32", CultureInfo.InvariantCulture);

    private static string? Value(StringTable table, int[]? column, int e) => column is null ? null : table.NameOf(column[e]);

    private static string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
