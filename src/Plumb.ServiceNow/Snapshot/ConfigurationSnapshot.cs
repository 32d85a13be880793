namespace Plumb.ServiceNow.Snapshot;

/// <summary>
/// What a ServiceNow instance has configured, as far as the handbook cares: choice values of task fields,
/// assignment groups, SLA definitions, process-flow stages and dictionary fields, plus counts of the ticket history pulled.
/// </summary>
public sealed class ConfigurationSnapshot
{
    /// <summary>The tables ServiceNow's task tables extend by default; <c>sys_db_object</c> rows add to or override these.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultParents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["incident"] = "task", ["problem"] = "task", ["change_request"] = "task", ["sc_request"] = "task",
        ["sc_req_item"] = "task", ["sc_task"] = "task", ["change_task"] = "task", ["problem_task"] = "task",
    };

    /// <summary>The instance the snapshot came from, when known.</summary>
    public string? Instance { get; set; }

    /// <summary>Choice values (<c>sys_choice</c>).</summary>
    public List<ChoiceEntry> Choices { get; } = [];

    /// <summary>Assignment groups (<c>sys_user_group</c>).</summary>
    public List<GroupEntry> Groups { get; } = [];

    /// <summary>SLA definitions (<c>contract_sla</c>).</summary>
    public List<SlaDefinition> Slas { get; } = [];

    /// <summary>Process-flow stages (<c>sys_process_flow</c>).</summary>
    public List<ProcessFlowEntry> ProcessFlows { get; } = [];

    /// <summary>Dictionary fields (<c>sys_dictionary</c>).</summary>
    public List<DictionaryEntry> Dictionary { get; } = [];

    /// <summary>Parent table of each table that extends another (<c>sys_db_object.super_class</c>).</summary>
    public Dictionary<string, string> Parents { get; } = new(DefaultParents, StringComparer.Ordinal);

    /// <summary>The tables <c>sys_db_object</c> lists.</summary>
    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when <see cref="Tables"/> is the instance's whole table list (sys_db_object read unfiltered and not empty), so a
    /// table missing from it is absent; otherwise a table the snapshot knows nothing about is unknown, not absent.
    /// </summary>
    public bool TableListComplete { get; set; }

    /// <summary>Configuration tables the pull was refused (403): drift skips the checks that need them and says so.</summary>
    public List<TableRefusal> Refusals { get; } = [];

    /// <summary>The refusal of a table, if the pull was refused it.</summary>
    public TableRefusal? RefusalOf(string table) => Refusals.Find(r => r.Table == table);

    /// <summary>How many records of each ticket-history table (incident, sys_audit, ...) the snapshot holds.</summary>
    public Dictionary<string, long> TicketCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The table and the tables it extends, nearest first: <c>incident, task</c>.</summary>
    public IEnumerable<string> Lineage(string table)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = table; t is not null && seen.Add(t); t = Parents.GetValueOrDefault(t)) yield return t;
    }

    /// <summary>
    /// The tables whose choices were read whole (the pull's <c>sys_choice</c> query names them), or null when not known
    /// (a loose export); then the tables with choices of their own and the task tables count.
    /// </summary>
    public HashSet<string>? ChoiceTables { get; set; }

    /// <summary>The tables whose dictionary was read whole, or null when not known; then the tables with dictionary rows count.</summary>
    public HashSet<string>? DictionaryTables { get; set; }

    /// <summary>True when the snapshot holds the table's whole choice list, so a value it lacks is absent from the instance.</summary>
    public bool HasChoicesFor(string table) =>
        ChoiceTables?.Contains(table) ?? (DefaultParents.ContainsKey(table) || table == "task" || Choices.Any(c => c.Table == table));

    /// <summary>
    /// The choices of a field as the instance resolves them: the table's own choices, else those of the nearest parent
    /// that defines any (incident.state has its own list; sc_req_item.state uses task's). Only the given language.
    /// Empty when the table's choices were not read: a parent's list says nothing about a table whose own list is unknown.
    /// </summary>
    public IReadOnlyList<ChoiceEntry> ChoicesFor(string table, string element, string language = "en")
    {
        if (!HasChoicesFor(table)) return [];
        foreach (var t in Lineage(table))
        {
            var own = Choices.Where(c => c.Table == t && c.Element == element && SameLanguage(c.Language, language)).ToList();
            if (own.Count > 0) return own;
        }

        return [];
    }

    /// <summary>True when the snapshot knows the table exists: sys_db_object lists it, or it has choices, dictionary fields, SLAs or flows.</summary>
    public bool KnowsTable(string table) =>
        Tables.Contains(table) || Choices.Any(c => c.Table == table) || Dictionary.Any(d => d.Table == table)
        || Slas.Any(s => s.Table == table) || ProcessFlows.Any(f => f.Table == table) || TicketCounts.ContainsKey(table);

    /// <summary>Whether the instance has the table: present, absent (the whole table list was read and lacks it) or unknown.</summary>
    public TablePresence Presence(string table) =>
        KnowsTable(table) ? TablePresence.Present : TableListComplete ? TablePresence.Absent : TablePresence.Unknown;

    /// <summary>
    /// True when the snapshot holds the table's dictionary (its own rows were read, and those of the tables it extends), so a
    /// field it lacks is absent from the instance.
    /// An empty answer counts as not read: row-level ACLs make the Table API answer an empty list rather than 403.
    /// </summary>
    public bool HasDictionaryFor(string table) =>
        (DictionaryTables?.Contains(table) ?? true) && Dictionary.Any(d => d.Table == table);

    /// <summary>The dictionary entry of a field on the table or a table it extends, if any.</summary>
    public DictionaryEntry? FindField(string table, string element) =>
        Lineage(table).Select(t => Dictionary.Find(d => d.Table == t && d.Element == element)).FirstOrDefault(d => d is not null);

    /// <summary>The group with this name (case-insensitive, as ServiceNow matches names in lists), if any.</summary>
    public GroupEntry? FindGroup(string name) =>
        Groups.Find(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Groups.Find(g => g.SysId == name);

    private static bool SameLanguage(string language, string wanted) =>
        language.Length == 0 || string.Equals(language, wanted, StringComparison.OrdinalIgnoreCase);
}
