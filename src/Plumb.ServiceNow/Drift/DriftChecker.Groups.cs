namespace Plumb.ServiceNow.Drift;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

public static partial class DriftChecker
{
    private static void CheckGroups(Handbook handbook, ConfigurationSnapshot snapshot, List<StepSite> sites, List<DriftItem> items)
    {
        if (snapshot.Groups.Count == 0)
        {
            items.Add(Note("groups", "the snapshot has no sys_user_group rows" + Refused(snapshot, "sys_user_group") + ", so groups were not checked"));
            return;
        }

        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < handbook.Roles.Count; r++)
        {
            var role = handbook.Roles[r];
            for (var g = 0; g < role.Groups.Count; g++)
            {
                var name = role.Groups[g];
                claimed.Add(name);
                if (Missing(snapshot, name) is not { } why || !reported.Add(name)) continue;
                items.Add(new DriftItem(DriftCodes.GroupMissing, DriftCodes.Kinds[DriftCodes.GroupMissing], $"role {role.Id}",
                    $"role '{role.Id}' is carried by group '{name}', which {why}",
                    DriftSide.Either, $"create (or reactivate) group '{name}' in the instance, or correct the groups of role '{role.Id}'",
                    HandbookFolder.HandbookFile, $"roles[{r}].groups[{g}]"));
            }
        }

        foreach (var site in sites)
        {
            for (var g = 0; g < site.Tool.Groups.Count; g++)
            {
                var name = site.Tool.Groups[g];
                claimed.Add(name);
                if (Missing(snapshot, name) is not { } why || !reported.Add(name)) continue;
                items.Add(new DriftItem(DriftCodes.GroupMissing, DriftCodes.Kinds[DriftCodes.GroupMissing], site.Name,
                    $"step {site.Name} is worked by group '{name}', which {why}",
                    DriftSide.Either, $"create (or reactivate) group '{name}' in the instance, or correct tool.groups of {site.Name}",
                    site.Document, $"{site.Path}.groups[{g}]"));
            }
        }

        foreach (var group in snapshot.Groups.Where(g => g.Active && !claimed.Contains(g.Name)).DistinctBy(g => g.Name).OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            items.Add(new DriftItem(DriftCodes.GroupUnclaimed, DriftCodes.Kinds[DriftCodes.GroupUnclaimed], $"group {group.Name}",
                $"the instance has active group '{group.Name}', which no role of the handbook claims",
                DriftSide.Either, $"add '{group.Name}' to the groups of the role it carries, or deactivate the group in the instance"));
        }
    }

    private static string? Missing(ConfigurationSnapshot snapshot, string name) => snapshot.FindGroup(name) switch
    {
        null => "the instance does not have",
        { Active: false } => "is inactive in the instance",
        _ => null,
    };
}
