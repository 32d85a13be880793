namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;

/// <summary>Turns records read from exports or pulled pages into a <see cref="ConfigurationSnapshot"/>.</summary>
public static class SnapshotBuilder
{
    /// <summary>The configuration tables a snapshot is built from.</summary>
    public static readonly IReadOnlyList<string> ConfigurationTables =
        ["sys_choice", "sys_user_group", "contract_sla", "sys_process_flow", "sys_dictionary", "sys_db_object"];

    /// <summary>The ticket-history tables a pull stores for analysis; their records are counted, not kept.</summary>
    public static readonly IReadOnlyList<string> TicketTables = ["incident", "problem", "change_request", "sc_req_item", "sys_audit"];

    /// <summary>Adds records to a snapshot; records of tables the snapshot does not model are ignored.</summary>
    public static void Add(ConfigurationSnapshot snapshot, IEnumerable<SnowRecord> records, List<SnapshotError> errors)
    {
        var tableNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var parents = new List<(string Table, string Parent)>();
        foreach (var r in records)
        {
            switch (r.Table)
            {
                case "sys_choice":
                    if (Require(r, errors, "name", "element", "value") is false) break;
                    snapshot.Choices.Add(new ChoiceEntry(r.Get("name"), r.Get("element"), r.Get("value"), r.Get("label"),
                        r.Flag("inactive"), r.Get("language") is { Length: > 0 } language ? language : "en", Number(r.Get("sequence"))));
                    break;
                case "sys_user_group":
                    if (Require(r, errors, "name") is false) break;
                    snapshot.Groups.Add(new GroupEntry(r.Get("sys_id"), r.Get("name"), r.Flag("active", otherwise: true), r.Get("description")));
                    break;
                case "contract_sla":
                    if (Require(r, errors, "name", "collection") is false) break;
                    snapshot.Slas.Add(new SlaDefinition(r.Get("sys_id"), r.Get("name"), r.Get("collection"),
                        GlideDuration.Parse(r.Get("duration")) ?? GlideDuration.Parse(r.Shown("duration")), r.Get("target"),
                        r.Get("type") is { Length: > 0 } type ? type : "SLA", r.Get("start_condition"), r.Get("stop_condition"),
                        r.Get("pause_condition"), r.Flag("active", otherwise: true)));
                    break;
                case "sys_process_flow":
                    if (Require(r, errors, "table", "name") is false) break;
                    snapshot.ProcessFlows.Add(new ProcessFlowEntry(r.Get("sys_id"), r.Get("name"), r.Get("table"), r.Get("label"),
                        (int)Number(r.Get("order")), r.Get("condition"), r.Flag("active", otherwise: true)));
                    break;
                case "sys_dictionary":
                    if (r.Get("element").Length == 0) break; // the row that describes the table itself
                    snapshot.Dictionary.Add(new DictionaryEntry(r.Get("name"), r.Get("element"), r.Get("column_label"),
                        r.Get("internal_type"), r.Get("reference") is { Length: > 0 } reference ? reference : null));
                    break;
                case "sys_db_object":
                    if (r.Get("name") is { Length: > 0 } tableName) snapshot.Tables.Add(tableName);
                    tableNames[r.Get("sys_id")] = r.Get("name");
                    if (r.Get("super_class").Length > 0) parents.Add((r.Get("name"), r.Get("super_class")));
                    break;
                default:
                    if (TicketTables.Contains(r.Table)) snapshot.TicketCounts[r.Table] = snapshot.TicketCounts.GetValueOrDefault(r.Table) + 1;
                    break;
            }
        }

        // super_class is a reference (a sys_id) to another sys_db_object row; exports by name are accepted too.
        foreach (var (table, parent) in parents) snapshot.Parents[table] = tableNames.GetValueOrDefault(parent, parent);
    }

    private static bool Require(SnowRecord record, List<SnapshotError> errors, params string[] fields)
    {
        var missing = fields.Where(f => record.Get(f).Length == 0).ToList();
        if (missing.Count == 0) return true;
        errors.Add(new SnapshotError(record.Source, record.Line,
            $"{record.Table} record{(record.Get("sys_id") is { Length: > 0 } id ? $" {id}" : "")} has no {string.Join(", ", missing)}; skipped",
            IsWarning: true));
        return false;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
