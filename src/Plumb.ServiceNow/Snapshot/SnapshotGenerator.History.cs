namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;
using Plumb.Handbook.Model;

public static partial class SnapshotGenerator
{
    private static readonly string[] TicketTables = ["incident", "problem", "change_request", "sc_req_item"];

    private static readonly string[] Users = ["beth.anglin", "david.loo", "fred.luddy", "joe.employee", "abel.tuter", "itil"];

    // For each ticket table the handbook maps: tickets that walk the mapped steps in procedure order (now and then
    // skipping a middle step), with a sys_audit row per state and group change, as the Table API returns them.
    private static void WriteHistory(Handbook handbook, SnapshotWriter writer, GeneratorOptions options, Random random)
    {
        var audits = new List<IReadOnlyDictionary<string, string>>();
        foreach (var table in TicketTables)
        {
            var steps = handbook.Processes.SelectMany(p => p.Procedures).SelectMany(q => q.Steps)
                .Where(s => s.Tool is { } t && t.Table == table && t.States.Count > 0).ToList();
            if (steps.Count == 0 || options.TicketsPerTable <= 0) continue;
            var tickets = new List<IReadOnlyDictionary<string, string>>();
            var opened = options.Start;
            for (var n = 1; n <= options.TicketsPerTable; n++)
            {
                opened = opened.AddMinutes(random.Next(20, 480));
                var sysId = Id($"{table}:{n}");
                var at = opened;
                var user = Users[random.Next(Users.Length)];
                var priority = (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
                var current = new Dictionary<string, string>(StringComparer.Ordinal) { ["priority"] = priority };
                void Audit(string field, string value)
                {
                    var old = current.GetValueOrDefault(field, "");
                    if (old == value) return;
                    audits.Add(Row(("sys_id", Id($"audit:{table}:{n}:{audits.Count}")), ("documentkey", sysId), ("tablename", table),
                        ("fieldname", field), ("oldvalue", old), ("newvalue", value), ("sys_created_on", Stamp(at)), ("user", user),
                        ("record_checkpoint", (audits.Count + 1).ToString(CultureInfo.InvariantCulture)), ("reason", "")));
                    current[field] = value;
                }

                Audit("priority", priority);
                current["priority"] = priority;
                for (var i = 0; i < steps.Count; i++)
                {
                    if (i > 0 && i < steps.Count - 1 && random.Next(100) < 15) continue;
                    var tool = steps[i].Tool!;
                    if (i > 0) at = at.AddMinutes(random.Next(5, 600));
                    if (tool.Groups.Count > 0) Audit("assignment_group", tool.Groups[random.Next(tool.Groups.Count)]);
                    foreach (var state in tool.States.Take(1 + random.Next(tool.States.Count))) Audit(tool.EffectiveField, state);
                }

                var number = $"{TicketNumbers.PrefixOf(table)}{n:D7}";
                var ticket = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["sys_id"] = sysId, ["number"] = number, ["sys_class_name"] = table, ["short_description"] = $"Generated {table} {n}",
                    ["opened_at"] = Stamp(opened), ["sys_created_on"] = Stamp(opened), ["sys_updated_on"] = Stamp(at),
                    ["closed_at"] = Stamp(at), ["active"] = "false", ["opened_by"] = user,
                };
                foreach (var (field, value) in current) ticket[field] = value;
                tickets.Add(ticket);
            }

            writer.WriteTable(table, "generated", tickets);
        }

        if (audits.Count > 0) writer.WriteTable("sys_audit", "generated", audits);
    }
}
