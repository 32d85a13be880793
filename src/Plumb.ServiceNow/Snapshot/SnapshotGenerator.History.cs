namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;
using Plumb.Handbook.Model;
using Plumb.Handbook.Tool;

public static partial class SnapshotGenerator
{
    /// <summary>The task tables tickets are generated for.</summary>
    internal static readonly string[] TicketTables = ["incident", "problem", "change_request", "sc_req_item"];

    /// <summary>The users generated tickets and audit rows name (out-of-box demo users).</summary>
    internal static readonly string[] Users = ["beth.anglin", "david.loo", "fred.luddy", "joe.employee", "abel.tuter", "itil"];

    // For each ticket table the handbook maps: tickets that walk the mapped steps in procedure order (now and then
    // skipping a middle step), with a sys_audit row per state and group change, as the Table API returns them.
    private static void WriteHistory(Handbook handbook, Action<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> write, GeneratorOptions options, Random random)
    {
        var audits = new List<IReadOnlyDictionary<string, string>>();
        foreach (var table in TicketTables)
        {
            var steps = MappedSteps(handbook, table);
            if (steps.Count == 0 || options.TicketsPerTable <= 0) continue;
            var tickets = new List<IReadOnlyDictionary<string, string>>();
            var opened = options.Start;
            for (var n = 1; n <= options.TicketsPerTable; n++)
            {
                opened = opened.AddMinutes(random.Next(20, 480));
                var sysId = TicketId(table, n);
                var at = opened;
                var user = Users[random.Next(Users.Length)];
                var priority = (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
                var current = new Dictionary<string, string>(StringComparer.Ordinal) { ["priority"] = priority };
                void Audit(string field, string value) => AddAudit(audits, table, n, sysId, current, field, value, at, user);

                Audit("priority", priority);
                current["priority"] = priority;
                for (var i = 0; i < steps.Count; i++)
                {
                    if (i > 0 && i < steps.Count - 1 && random.Next(100) < 15) continue;
                    if (i > 0) at = at.AddMinutes(random.Next(5, 600));
                    WalkStep(steps[i].Tool!, random, Audit);
                }

                var ticket = TicketRow(table, n, sysId, opened, at, user, active: false);
                foreach (var (field, value) in current) ticket[field] = value;
                tickets.Add(CompactRow.From(ticket));
            }

            write(table, tickets);
        }

        if (audits.Count > 0) write("sys_audit", audits);
    }

    /// <summary>The steps the handbook maps to <paramref name="table"/> with states, in procedure order.</summary>
    internal static List<Step> MappedSteps(Handbook handbook, string table) =>
        handbook.Processes.SelectMany(p => p.Procedures).SelectMany(q => q.Steps)
            .Where(s => s.Tool is { } t && t.Table == table && t.States.Count > 0).ToList();

    /// <summary>The sys_id of the <paramref name="n"/>th generated ticket of a table.</summary>
    internal static string TicketId(string table, int n) => Id($"{table}:{n}");

    /// <summary>The changes one step makes to a ticket: a group out of the step's groups, then one or more of its states.</summary>
    internal static void WalkStep(ToolMapping tool, Random random, Action<string, string> audit)
    {
        if (tool.Groups.Count > 0) audit("assignment_group", tool.Groups[random.Next(tool.Groups.Count)]);
        foreach (var state in tool.States.Take(1 + random.Next(tool.States.Count))) audit(tool.EffectiveField, state);
    }

    /// <summary>Adds the sys_audit row of one field change (nothing when the value does not change) and records the new value.</summary>
    internal static void AddAudit(List<IReadOnlyDictionary<string, string>> audits, string table, int n, string sysId, Dictionary<string, string> current,
        string field, string value, DateTime at, string user, int before = 0)
    {
        var old = current.GetValueOrDefault(field, "");
        if (old == value) return;
        var index = before + audits.Count;
        audits.Add(Row(("sys_id", Id($"audit:{table}:{n}:{index}")), ("documentkey", sysId), ("tablename", table),
            ("fieldname", field), ("oldvalue", old), ("newvalue", value), ("sys_created_on", Stamp(at)), ("user", user),
            ("record_checkpoint", (index + 1).ToString(CultureInfo.InvariantCulture)), ("reason", "")));
        current[field] = value;
    }

    /// <summary>A ticket record as the Table API returns it, before its current field values are added.</summary>
    internal static Dictionary<string, string> TicketRow(string table, int n, string sysId, DateTime opened, DateTime updated, string user, bool active) => new(StringComparer.Ordinal)
    {
        ["sys_id"] = sysId, ["number"] = $"{TicketNumbers.PrefixOf(table)}{n:D7}", ["sys_class_name"] = table, ["short_description"] = $"Generated {table} {n}",
        ["opened_at"] = Stamp(opened), ["sys_created_on"] = Stamp(opened), ["sys_updated_on"] = Stamp(updated),
        ["closed_at"] = active ? "" : Stamp(updated), ["active"] = active ? "true" : "false", ["opened_by"] = user,
    };

    /// <summary>A date and time as the Table API writes it (<c>yyyy-MM-dd HH:mm:ss</c>, UTC).</summary>
    internal static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
