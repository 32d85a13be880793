namespace Plumb.ServiceNow.Snapshot;

using Plumb.Handbook.Tool;

/// <summary>
/// ServiceNow's documented out-of-box configuration for the ITSM task tables: state and category choices, the demo
/// assignment groups, the priority-based incident SLA definitions and the common task fields. Used to build baseline
/// snapshots (tests, the demo generator) without an instance.
/// </summary>
public static class OutOfBox
{
    /// <summary>Choice rows: table, element, value, label.</summary>
    public static readonly IReadOnlyList<ChoiceEntry> Choices =
    [
        .. Field("incident", "state", [.. TicketStates.Incident]),
        .. Field("incident", "category", ("inquiry", "Inquiry / Help"), ("software", "Software"), ("hardware", "Hardware"),
            ("network", "Network"), ("database", "Database")),
        .. Field("problem", "state", [.. TicketStates.Problem]),
        .. Field("change_request", "state", [.. TicketStates.Change]),
        .. Field("change_request", "category", ("hardware", "Hardware"), ("software", "Software"), ("service", "System Software"),
            ("network", "Network"), ("telecom", "Telecom"), ("documentation", "Documentation"), ("other", "Other")),
        .. Field("task", "state", [.. TicketStates.Task]),
    ];

    /// <summary>Assignment groups of a demo instance.</summary>
    public static readonly IReadOnlyList<string> Groups =
        ["Service Desk", "Hardware", "Software", "Network", "Database", "CAB Approval", "Change Management", "Problem Solving"];

    /// <summary>Incident SLA definitions by priority: name, priority, duration.</summary>
    public static readonly IReadOnlyList<(string Name, string Priority, TimeSpan Duration)> IncidentSlas =
    [
        ("Priority 1 resolution (8 hour)", "1", TimeSpan.FromHours(8)),
        ("Priority 2 resolution (24 hour)", "2", TimeSpan.FromHours(24)),
        ("Priority 3 resolution (3 day)", "3", TimeSpan.FromDays(3)),
        ("Priority 4 resolution (5 day)", "4", TimeSpan.FromDays(5)),
    ];

    /// <summary>Fields of <c>task</c>, which every task table inherits.</summary>
    public static readonly IReadOnlyList<string> TaskFields =
    [
        "number", "state", "priority", "impact", "urgency", "active", "assignment_group", "assigned_to", "short_description", "description",
        "opened_at", "opened_by", "closed_at", "closed_by", "sys_created_on", "sys_updated_on", "reassignment_count", "contact_type",
        "business_service", "cmdb_ci", "approval", "work_notes", "comments", "company", "location", "due_date", "sys_class_name",
    ];

    /// <summary>Fields each task table adds to <c>task</c>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TableFields = new Dictionary<string, IReadOnlyList<string>>
    {
        ["incident"] = ["caller_id", "category", "subcategory", "incident_state", "resolved_at", "resolved_by", "close_code", "close_notes",
            "reopen_count", "severity", "hold_reason", "problem_id", "rfc", "caused_by", "business_stc", "calendar_stc"],
        ["problem"] = ["problem_state", "category", "cause_notes", "fix_notes", "known_error", "first_reported_by_task", "resolved_at", "resolution_code"],
        ["change_request"] = ["type", "risk", "category", "start_date", "end_date", "chg_model", "on_hold", "cab_required", "implementation_plan",
            "backout_plan", "test_plan", "conflict_status"],
        ["sc_req_item"] = ["cat_item", "request", "stage", "quantity", "price", "requested_for"],
    };

    /// <summary>
    /// The out-of-box labels of a table's state values (value → label), by the table's lineage: incident, problem and
    /// change_request have their own state models, every other task table uses task's. Null for other fields and tables.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? StateModel(ConfigurationSnapshot snapshot, string table, string field)
    {
        if (field is not ("state" or "incident_state" or "problem_state")) return null;
        IReadOnlyList<(string Value, string Label)>? model = table switch
        {
            "incident" => TicketStates.Incident,
            "problem" when field != "problem_state" => TicketStates.Problem,
            "change_request" => TicketStates.Change,
            _ when field == "state" && snapshot.Lineage(table).Contains("task") => TicketStates.Task,
            _ => null,
        };
        return model?.ToDictionary(m => m.Value, m => m.Label, StringComparer.Ordinal);
    }

    private static IEnumerable<ChoiceEntry> Field(string table, string element, params (string Value, string Label)[] values) =>
        values.Select((v, i) => new ChoiceEntry(table, element, v.Value, v.Label, Sequence: i + 1));
}
