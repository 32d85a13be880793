namespace Plumb.ServiceNow.Drift;

using Plumb.ServiceNow.Snapshot;

public static partial class DriftChecker
{
    private static void CheckStates(ConfigurationSnapshot snapshot, List<StepSite> sites, HashSet<string> unknownTables, List<DriftItem> items)
    {
        if (snapshot.Choices.Count == 0) return;
        var mapped = new Dictionary<(string Table, string Field), HashSet<string>>();
        var uses = new Dictionary<(string Table, string Field, string Value), List<(StepSite Site, int Index)>>();
        foreach (var site in sites)
        {
            if (site.Tool.Table is not { Length: > 0 } table || unknownTables.Contains(table)) continue;
            var field = site.Tool.EffectiveField;
            if (!mapped.TryGetValue((table, field), out var values)) mapped[(table, field)] = values = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < site.Tool.States.Count; k++)
            {
                var value = site.Tool.States[k];
                values.Add(value);
                if (!uses.TryGetValue((table, field, value), out var list)) uses[(table, field, value)] = list = [];
                list.Add((site, k));
            }
        }

        // One item per mapped value, however many steps map it; it points at the first step and names the others.
        foreach (var ((table, field, value), list) in uses)
        {
            var choices = snapshot.ChoicesFor(table, field);
            if (choices.Count == 0) continue;
            var choice = choices.FirstOrDefault(c => c.Value == value);
            var (site, k) = list[0];
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
        }

        // The reverse: values the instance offers on a field the handbook maps, that no step claims.
        foreach (var ((table, field), values) in mapped.OrderBy(m => m.Key.Table, StringComparer.Ordinal).ThenBy(m => m.Key.Field, StringComparer.Ordinal))
        {
            if (values.Count == 0) continue;
            foreach (var choice in snapshot.ChoicesFor(table, field).Where(c => !c.Inactive && !values.Contains(c.Value)).DistinctBy(c => c.Value))
            {
                items.Add(new DriftItem(DriftCodes.StateUndocumented, DriftCodes.Kinds[DriftCodes.StateUndocumented], $"{table}.{field}",
                    $"the instance offers {table}.{field} = {choice.Value} ({choice.Label}), but no step of the handbook maps it",
                    DriftSide.Either, $"add {choice.Value} to tool.states of the step it belongs to, or deactivate the choice in the instance"));
            }
        }
    }
}
