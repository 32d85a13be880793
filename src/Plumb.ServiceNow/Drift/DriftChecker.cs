namespace Plumb.ServiceNow.Drift;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// Compares what the handbook documents with what the instance has configured: mapped states and choices (both ways,
/// with their labels and the legacy state fields), tables and fields of tool mappings, groups of roles (both ways), SLA
/// durations against the KPI thresholds of the process owning the SLA's table, and fields KPIs need. Each disagreement is
/// reported once, with the side to change; whatever the snapshot cannot tell (a table list not read, a table refused to
/// the pull, choices or a dictionary not pulled) is a note saying what was not checked, never a silent skip.
/// </summary>
public static partial class DriftChecker
{
    /// <summary>Runs every check.</summary>
    public static DriftReport Check(Handbook handbook, ConfigurationSnapshot snapshot)
    {
        var items = new List<DriftItem>();
        var sites = Sites(handbook).ToList();
        var skipped = CheckTables(handbook, snapshot, sites, items);
        CheckStates(snapshot, sites, skipped, items);
        CheckGroups(handbook, snapshot, sites, items);
        CheckSlas(handbook, snapshot, items);
        CheckKpiFields(handbook, snapshot, items);
        return new DriftReport(items);
    }

    /// <summary>A step with a tool mapping, and where it sits in its process document.</summary>
    internal sealed record StepSite(Process Process, Procedure Procedure, Step Step, ToolMapping Tool, string Document, string Path)
    {
        public string Name => $"{Process.Id}/{Procedure.Id}/{Step.Id}";
    }

    internal static IEnumerable<StepSite> Sites(Handbook handbook)
    {
        foreach (var process in handbook.Processes)
        {
            for (var q = 0; q < process.Procedures.Count; q++)
            {
                var procedure = process.Procedures[q];
                for (var s = 0; s < procedure.Steps.Count; s++)
                {
                    if (procedure.Steps[s].Tool is not { } tool) continue;
                    yield return new StepSite(process, procedure, procedure.Steps[s], tool, HandbookFolder.ProcessDocument(process.Id),
                        $"procedures[{q}].steps[{s}].tool");
                }
            }
        }
    }

    /// <summary>The task tables a process works in: its steps' tool tables and its records' tables.</summary>
    internal static IReadOnlyList<string> TablesOf(Handbook handbook, Process process)
    {
        var tables = new List<string>();
        foreach (var procedure in process.Procedures)
        {
            foreach (var step in procedure.Steps)
            {
                if (step.Tool?.Table is { Length: > 0 } t && !tables.Contains(t)) tables.Add(t);
            }
        }

        foreach (var flow in process.Inputs.Concat(process.Outputs))
        {
            if (handbook.FindRecord(flow.Record)?.Table is { Length: > 0 } t && !tables.Contains(t)) tables.Add(t);
        }

        return tables;
    }

    // Returns the tables whose other checks are skipped: absent (reported as drift) or unknown (reported in a note).
    private static HashSet<string> CheckTables(Handbook handbook, ConfigurationSnapshot snapshot, List<StepSite> sites, List<DriftItem> items)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal);
        if (snapshot.Choices.Count == 0 && snapshot.Dictionary.Count == 0 && snapshot.Tables.Count == 0)
        {
            items.Add(Note("tables and states", "the snapshot has no sys_choice or sys_dictionary rows, so tables, fields (also those KPIs need) and states were not checked"
                + Refused(snapshot, "sys_choice", "sys_dictionary", "sys_db_object")));
            foreach (var site in sites) if (site.Tool.Table is { Length: > 0 } t) skip.Add(t);
            return skip;
        }

        var unknown = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var fieldsUnchecked = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (site.Tool.Table is not { Length: > 0 } table) continue;
            switch (snapshot.Presence(table))
            {
                case TablePresence.Absent:
                    if (skip.Add(table))
                    {
                        items.Add(new DriftItem(DriftCodes.TableUnknown, DriftCodes.Kinds[DriftCodes.TableUnknown], site.Name,
                            $"step {site.Name} maps to table '{table}', which the instance does not have (its table list, sys_db_object, has no such table)",
                            DriftSide.Handbook, $"correct tool.table of {site.Name} (and every other step mapping '{table}') to a table of the instance",
                            site.Document, site.Path + ".table"));
                    }

                    continue;
                case TablePresence.Unknown:
                    skip.Add(table);
                    Add(unknown, table, $"step {site.Name}");
                    continue;
            }

            // A mapping that names only a table says where the work happens; there is no field to check.
            if (string.IsNullOrWhiteSpace(site.Tool.Field) && site.Tool.States.Count == 0) continue;
            var field = site.Tool.EffectiveField;
            if (!snapshot.HasDictionaryFor(table))
            {
                Add(fieldsUnchecked, table, $"{field} ({site.Name})");
                continue;
            }

            if (snapshot.FindField(table, field) is null)
            {
                items.Add(new DriftItem(DriftCodes.FieldUnknown, DriftCodes.Kinds[DriftCodes.FieldUnknown], site.Name,
                    $"step {site.Name} maps field '{field}' of {table}, which the table does not have",
                    DriftSide.Handbook, $"correct tool.field of {site.Name} to a field of {table}", site.Document, site.Path + ".field"));
            }
        }

        for (var i = 0; i < handbook.Records.Count; i++)
        {
            var record = handbook.Records[i];
            if (record.Table is not { Length: > 0 } table || skip.Contains(table) && !unknown.ContainsKey(table)) continue;
            switch (snapshot.Presence(table))
            {
                case TablePresence.Absent:
                    skip.Add(table);
                    items.Add(new DriftItem(DriftCodes.TableUnknown, DriftCodes.Kinds[DriftCodes.TableUnknown], $"record {record.Id}",
                        $"record '{record.Id}' is kept in table '{table}', which the instance does not have (its table list, sys_db_object, has no such table)",
                        DriftSide.Handbook, $"correct the table of record '{record.Id}'", HandbookFolder.HandbookFile, $"records[{i}].table"));
                    break;
                case TablePresence.Unknown:
                    Add(unknown, table, $"record {record.Id}");
                    break;
            }
        }

        var why = snapshot.RefusalOf("sys_db_object") is { } refusal
            ? $"sys_db_object was refused to the pull ({refusal.Status}; read access usually comes with role {refusal.Role})"
            : snapshot.Tables.Count == 0 ? "the snapshot has no sys_db_object rows" : "the snapshot's sys_db_object rows are not the whole table list";
        foreach (var (table, uses) in unknown)
        {
            items.Add(Note($"table {table}", $"cannot tell whether the instance has table '{table}' ({why}, and the snapshot holds nothing of it), " +
                $"so {string.Join(", ", uses.Distinct())} {(uses.Count == 1 ? "was" : "were")} not checked"));
        }

        foreach (var (table, fields) in fieldsUnchecked)
        {
            items.Add(Note($"fields of {table}", $"the snapshot holds no sys_dictionary rows of {table} itself" +
                $"{Refused(snapshot, "sys_dictionary")}, so these mapped fields were not checked: {string.Join(", ", fields.Distinct())}"));
        }

        return skip;
    }

    private static void Add(SortedDictionary<string, List<string>> lists, string key, string value)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(value);
    }

    // "; sys_choice was refused to the pull (403, usually needs role …)" for each named table the pull was refused.
    private static string Refused(ConfigurationSnapshot snapshot, params string[] tables) =>
        string.Concat(tables.Select(snapshot.RefusalOf).OfType<TableRefusal>()
            .Select(r => $"; {r.Table} was refused to the pull ({r.Status}; read access usually comes with role {r.Role})"));

    private static DriftItem Note(string subject, string message) =>
        new(DriftCodes.NotChecked, DriftCodes.Kinds[DriftCodes.NotChecked], subject, message, DriftSide.Either, "pull or export the missing table", IsNote: true);
}
