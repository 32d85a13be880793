namespace Plumb.ServiceNow.Drift;

using Plumb.ServiceNow.Snapshot;

public static partial class DriftChecker
{
    private static void CheckStates(ConfigurationSnapshot snapshot, List<StepSite> sites, HashSet<string> skipped, List<DriftItem> items)
    {
        if (snapshot.Choices.Count == 0 && snapshot.Dictionary.Count == 0 && snapshot.Tables.Count == 0) return; // said by CheckTables
        var mapped = new Dictionary<(string Table, string Field), HashSet<string>>();
        var uses = new Dictionary<(string Table, string Field), List<(StepSite Site, int Index, string Value)>>();
        foreach (var site in sites)
        {
            if (site.Tool.Table is not { Length: > 0 } table || skipped.Contains(table) || site.Tool.States.Count == 0) continue;
            var field = site.Tool.EffectiveField;
            if (!mapped.TryGetValue((table, field), out var values))
            {
                mapped[(table, field)] = values = new HashSet<string>(StringComparer.Ordinal);
                uses[(table, field)] = [];
            }

            for (var k = 0; k < site.Tool.States.Count; k++)
            {
                values.Add(site.Tool.States[k]);
                uses[(table, field)].Add((site, k, site.Tool.States[k]));
            }
        }

        if (snapshot.RefusalOf("sys_choice") is { } refused)
        {
            if (mapped.Count > 0)
            {
                items.Add(Note("states", $"sys_choice was refused to the pull ({refused.Status}; read access usually comes with role {refused.Role}), " +
                    $"so the states of {string.Join(", ", mapped.Keys.Select(k => $"{k.Table}.{k.Field}"))} were not checked"));
            }

            return;
        }

        var notChecked = new List<string>();
        foreach (var ((table, field), list) in uses.OrderBy(u => u.Key.Table, StringComparer.Ordinal).ThenBy(u => u.Key.Field, StringComparer.Ordinal))
        {
            var (instanceField, choices) = InstanceChoices(snapshot, table, field);
            if (instanceField != field) items.Add(Legacy(table, field, instanceField, list[0].Site));
            if (choices.Count == 0)
            {
                if (snapshot.FindField(table, field) is { Type: "boolean" }) CheckBoolean(table, field, list, items);
                else notChecked.Add($"{table}.{field}");
                continue;
            }

            var model = OutOfBox.StateModel(snapshot, table, field);
            foreach (var group in list.GroupBy(u => u.Value))
            {
                CheckValue(table, instanceField, group.Key, [.. group], choices, model, items);
            }

            // The reverse: values the instance offers on a field the handbook maps, that no step claims.
            foreach (var choice in choices.Where(c => !c.Inactive && !mapped[(table, field)].Contains(c.Value)).DistinctBy(c => c.Value))
            {
                items.Add(new DriftItem(DriftCodes.StateUndocumented, DriftCodes.Kinds[DriftCodes.StateUndocumented], $"{table}.{instanceField}",
                    $"the instance offers {table}.{instanceField} = {choice.Value} ({choice.Label}), but no step of the handbook maps it",
                    DriftSide.Either, $"add {choice.Value} to tool.states of the step it belongs to, or deactivate the choice in the instance"));
            }
        }

        if (notChecked.Count > 0)
        {
            items.Add(Note("states", $"the snapshot has no sys_choice rows for {string.Join(", ", notChecked)} (nor the tables they extend), " +
                "so the values steps map on them were not checked; pull or export those choices to check them"));
        }
    }

    // One item per mapped value, however many steps map it; it points at the first step and names the others.
    private static void CheckValue(string table, string field, string value, List<(StepSite Site, int Index, string Value)> list,
        IReadOnlyList<ChoiceEntry> choices, IReadOnlyDictionary<string, string>? model, List<DriftItem> items)
    {
        var choice = choices.FirstOrDefault(c => c.Value == value);
        var (site, k, _) = list[0];
        var steps = string.Join(", ", list.Select(u => u.Site.Name).Distinct());
        var path = $"{site.Path}.states[{k}]";
        if (choice is null)
        {
            var known = string.Join(", ", choices.Where(c => !c.Inactive).Select(c => $"{c.Value} {c.Label}"));
            items.Add(new DriftItem(DriftCodes.StateMissing, DriftCodes.Kinds[DriftCodes.StateMissing], $"{table}.{field} = {value}",
                $"step {steps} map(s) {table}.{field} = {value}, but the instance has no such choice (it has: {known})",
                DriftSide.Either, $"add choice {value} to {table}.{field} in the instance, or correct tool.states of {steps}",
                site.Document, path));
        }
        else if (choice.Inactive)
        {
            items.Add(new DriftItem(DriftCodes.StateInactive, DriftCodes.Kinds[DriftCodes.StateInactive], $"{table}.{field} = {value}",
                $"step {steps} map(s) {table}.{field} = {value} ({choice.Label}), which is inactive in the instance",
                DriftSide.Either, $"reactivate choice {value} of {table}.{field} in the instance, or remove it from tool.states of {steps}",
                site.Document, path));
        }
        else if (model is not null && model.TryGetValue(value, out var expected) && !SameLabel(expected, choice.Label))
        {
            // Same value, other label: a customised choice list, where 8 may now mean Awaiting Vendor rather than Canceled.
            items.Add(new DriftItem(DriftCodes.StateRelabelled, DriftCodes.Kinds[DriftCodes.StateRelabelled], $"{table}.{field} = {value}",
                $"step {steps} map(s) {table}.{field} = {value}, which the instance labels '{choice.Label}'; out of box that value is '{expected}'",
                DriftSide.Either,
                $"if '{choice.Label}' is not what {steps} stand(s) for, map the value the instance uses for '{expected}' instead; else note the instance's label in the step",
                site.Document, path));
        }
    }

    private static DriftItem Legacy(string table, string field, string instanceField, StepSite site) =>
        new(DriftCodes.StateFieldLegacy, DriftCodes.Kinds[DriftCodes.StateFieldLegacy], $"{table}.{instanceField}",
            $"the instance keeps {table} states in {instanceField} (the legacy state model): {table}.{field} has no choices of its own, " +
            $"so the values the handbook maps on {table}.{field} were compared with {instanceField}",
            DriftSide.Either,
            $"set tool.field: {instanceField} on the steps of {table} (and read ticket history by {instanceField}), or activate the current {table} state model in the instance",
            site.Document, site.Path + ".field");

    private static void CheckBoolean(string table, string field, List<(StepSite Site, int Index, string Value)> list, List<DriftItem> items)
    {
        foreach (var (site, k, value) in list.Where(u => u.Value is not ("true" or "false")))
        {
            items.Add(new DriftItem(DriftCodes.StateMissing, DriftCodes.Kinds[DriftCodes.StateMissing], $"{table}.{field} = {value}",
                $"step {site.Name} maps {table}.{field} = {value}, but the field is a true/false field",
                DriftSide.Handbook, $"map {table}.{field} as \"true\" or \"false\" in tool.states of {site.Name}", site.Document, $"{site.Path}.states[{k}]"));
        }
    }

    // The field whose choices stand for the mapped one: itself, or, when the table has no state choices of its own but has
    // them on its legacy field (incident_state, problem_state), that field — the instance runs the legacy state model.
    private static (string Field, IReadOnlyList<ChoiceEntry> Choices) InstanceChoices(ConfigurationSnapshot snapshot, string table, string field)
    {
        if (field == "state" && !snapshot.Choices.Any(c => c.Table == table && c.Element == "state"))
        {
            var legacy = $"{table}_state";
            var own = snapshot.ChoicesFor(table, legacy);
            if (own.Count > 0) return (legacy, own);
        }

        return (field, snapshot.ChoicesFor(table, field));
    }

    // Labels compared as people read them: case, spacing and the two spellings of cancelled do not change a meaning.
    private static bool SameLabel(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string label) =>
        string.Concat(label.ToLowerInvariant().Where(char.IsLetterOrDigit)).Replace("cancelled", "canceled", StringComparison.Ordinal);
}
