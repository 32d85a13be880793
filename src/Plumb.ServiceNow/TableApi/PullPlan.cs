namespace Plumb.ServiceNow.TableApi;

using Plumb.ServiceNow.Snapshot;

/// <summary>The tables a snapshot pull reads and how: the configuration the drift check needs, then the ticket history.</summary>
public static class PullPlan
{
    /// <summary>The task tables whose configuration and history are pulled.</summary>
    public static readonly IReadOnlyList<string> TaskTables = ["incident", "problem", "change_request", "sc_req_item"];

    /// <summary>The tables whose choices and dictionary are pulled: the task tables, catalogue tasks and task itself.</summary>
    public static readonly IReadOnlyList<string> ConfiguredTables = [.. TaskTables, "sc_task", "task"];

    /// <summary>
    /// The role that usually grants read access to each configuration table, named when an instance refuses one. Instances
    /// differ (ACLs are configuration too), so the message says "usually".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ReadRoles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sys_choice"] = "personalize_choices", ["sys_user_group"] = "itil", ["contract_sla"] = "sla_admin",
        ["sys_process_flow"] = "admin", ["sys_dictionary"] = "personalize_dictionary", ["sys_db_object"] = "personalize_dictionary",
    };

    /// <summary>The choice fields whose values are pulled (state and category fields of the task tables).</summary>
    public static readonly IReadOnlyList<string> ChoiceFields = ["state", "incident_state", "problem_state", "category", "subcategory", "close_code", "priority"];

    /// <summary>
    /// The queries of a pull. <paramref name="since"/> (a date, <c>yyyy-MM-dd</c>) limits the ticket history to records updated
    /// since then; configuration is always pulled whole. Every query orders by <c>sys_id</c> so offsets stay stable across pages.
    /// </summary>
    public static IReadOnlyList<TableQuery> Create(string? since, int pageSize, bool history = true)
    {
        var tables = string.Join(",", ConfiguredTables);
        var queries = new List<TableQuery>
        {
            new("sys_choice", $"nameIN{tables}^elementIN{string.Join(",", ChoiceFields)}^ORDERBYsys_id",
                ["sys_id", "name", "element", "value", "label", "inactive", "language", "sequence", "dependent_value"], pageSize),
            new("sys_user_group", "ORDERBYsys_id", ["sys_id", "name", "active", "description", "manager", "parent", "type"], pageSize),
            new("contract_sla", $"collectionIN{tables}^ORDERBYsys_id",
                ["sys_id", "name", "collection", "type", "target", "duration", "duration_type", "schedule", "start_condition",
                 "stop_condition", "pause_condition", "reset_condition", "active"], pageSize),
            new("sys_process_flow", $"tableIN{tables}^ORDERBYsys_id", ["sys_id", "name", "table", "label", "order", "condition", "active", "description"], pageSize),
            new("sys_dictionary", $"nameIN{tables}^ORDERBYsys_id", ["sys_id", "name", "element", "column_label", "internal_type", "reference", "active"], pageSize),
            // The whole table list, so drift can tell a table the instance lacks from one it was not asked about.
            new("sys_db_object", "ORDERBYsys_id", ["sys_id", "name", "label", "super_class"], pageSize),
        };
        if (!history) return queries;
        var updated = since is null ? "" : $"sys_updated_on>={since} 00:00:00^";
        foreach (var table in TaskTables) queries.Add(new TableQuery(table, $"{updated}ORDERBYsys_id", [], pageSize));
        var created = since is null ? "" : $"sys_created_on>={since} 00:00:00^";
        queries.Add(new TableQuery("sys_audit", $"tablenameIN{string.Join(",", TaskTables)}^{created}ORDERBYsys_id",
            ["sys_id", "documentkey", "tablename", "fieldname", "oldvalue", "newvalue", "sys_created_on", "user", "record_checkpoint", "reason"],
            pageSize));
        System.Diagnostics.Debug.Assert(queries.All(q => SnapshotBuilder.ConfigurationTables.Contains(q.Table) || SnapshotBuilder.TicketTables.Contains(q.Table)));
        return queries;
    }
}
