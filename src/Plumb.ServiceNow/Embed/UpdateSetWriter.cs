namespace Plumb.ServiceNow.Embed;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes an update set as ServiceNow's "Export to XML" does: an <c>&lt;unload&gt;</c> holding one
/// <c>sys_remote_update_set</c> and one <c>sys_update_xml</c> per record, each carrying the record as a
/// <c>&lt;record_update&gt;</c> payload. Import it with System Update Sets → Retrieved Update Sets → Import Update Set from XML,
/// then preview and commit.
/// </summary>
public static class UpdateSetWriter
{
    /// <summary>Writes the update set named <paramref name="name"/> holding <paramref name="records"/>.</summary>
    public static void Write(TextWriter output, string name, string description, IReadOnlyList<EmbedRecord> records, DateTimeOffset at, string author = "plumb")
    {
        var stamp = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var setId = SysIds.For($"sys_remote_update_set:{name}");
        output.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><unload unload_date=\"{stamp}\">\n");
        output.Write("<sys_remote_update_set action=\"INSERT_OR_UPDATE\">\n");
        Reference(output, "application", "global", "Global");
        Field(output, "application_name", "Global");
        Field(output, "application_scope", "global");
        foreach (var empty in new[] { "application_version", "collisions", "commit_date", "deleted" }) Field(output, empty, "");
        Field(output, "description", description);
        Field(output, "inserted", "");
        Field(output, "name", name);
        Field(output, "origin_sys_id", "");
        Reference(output, "parent", "", "");
        Field(output, "release_date", stamp);
        Reference(output, "remote_base_update_set", "", "");
        Field(output, "remote_parent_id", "");
        Field(output, "remote_sys_id", SysIds.For($"sys_update_set:{name}"));
        Field(output, "state", "loaded");
        Field(output, "summary", "");
        Field(output, "sys_class_name", "sys_remote_update_set");
        Audit(output, author, stamp, setId);
        Reference(output, "update_set", "", "");
        Reference(output, "update_source", "", "");
        Field(output, "updated", "");
        output.Write("</sys_remote_update_set>\n");

        var millis = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var payload = Payload(record);
            var hash = SysIds.JavaHash(payload).ToString(CultureInfo.InvariantCulture);
            var guid = SysIds.For($"update_guid:{record.UpdateName}:{hash}");
            output.Write("<sys_update_xml action=\"INSERT_OR_UPDATE\">\n");
            Field(output, "action", "INSERT_OR_UPDATE");
            Reference(output, "application", "global", "Global");
            Field(output, "category", "customer");
            Field(output, "comments", "");
            Field(output, "name", record.UpdateName);
            output.Write(payload.Contains("]]>", StringComparison.Ordinal)
                ? $"<payload>{Escape(payload)}</payload>\n"
                : $"<payload><![CDATA[{payload}]]></payload>\n");
            Field(output, "payload_hash", hash);
            Reference(output, "remote_update_set", setId, name);
            Field(output, "replace_on_upgrade", "false");
            Field(output, "sys_created_by", author);
            Field(output, "sys_created_on", stamp);
            Field(output, "sys_id", SysIds.For($"sys_update_xml:{name}:{record.UpdateName}"));
            Field(output, "sys_mod_count", "0");
            Field(output, "sys_recorded_at", $"{millis:x}{i + 1:D7}");
            Field(output, "sys_updated_by", author);
            Field(output, "sys_updated_on", stamp);
            Field(output, "table", record.Collection);
            Field(output, "target_name", record.TargetName);
            Field(output, "type", record.TypeLabel);
            Field(output, "update_domain", "global");
            Field(output, "update_guid", guid);
            Field(output, "update_guid_history", $"{guid}:{hash}");
            Reference(output, "update_set", "", "");
            Field(output, "view", "");
            output.Write("</sys_update_xml>\n");
        }

        output.Write("</unload>\n");
    }

    /// <summary>The <c>&lt;record_update&gt;</c> document of one record, as ServiceNow stores it in <c>sys_update_xml.payload</c>.</summary>
    public static string Payload(EmbedRecord record)
    {
        var text = new StringBuilder();
        text.Append($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><record_update table=\"{record.Table}\"><{record.Table} action=\"INSERT_OR_UPDATE\">");
        foreach (var (field, value) in record.Fields)
        {
            var display = value.Display is null ? "" : $" display_value=\"{Escape(value.Display)}\"";
            if (value.Value.Length == 0) text.Append($"<{field}{display}/>");
            else if (value.Markup) text.Append($"<{field}{display}><![CDATA[{Clean(value.Value).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]></{field}>");
            else text.Append($"<{field}{display}>{Escape(value.Value)}</{field}>");
        }

        text.Append($"</{record.Table}></record_update>");
        return text.ToString();
    }

    private static void Audit(TextWriter output, string author, string stamp, string sysId)
    {
        Field(output, "sys_created_by", author);
        Field(output, "sys_created_on", stamp);
        Field(output, "sys_id", sysId);
        Field(output, "sys_mod_count", "0");
        Field(output, "sys_updated_by", author);
        Field(output, "sys_updated_on", stamp);
    }

    private static void Field(TextWriter output, string name, string value) =>
        output.Write(value.Length == 0 ? $"<{name}/>\n" : $"<{name}>{Escape(value)}</{name}>\n");

    private static void Reference(TextWriter output, string name, string value, string display) =>
        output.Write(value.Length == 0 ? $"<{name} display_value=\"{Escape(display)}\"/>\n" : $"<{name} display_value=\"{Escape(display)}\">{Escape(value)}</{name}>\n");

    /// <summary>Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.</summary>
    public static string Escape(string text) =>
        Clean(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            ? new string(text.Where(c => !(c < 0x20 && c is not ('\t' or '\n' or '\r')) && c is not ('\uFFFE' or '\uFFFF')).ToArray())
            : text;
}
