namespace Plumb.Handbook.Baseline;

using Plumb.Handbook.Model;
using Plumb.Handbook.References;

/// <summary>Trims a handbook cut from the baseline so that every reference in it still resolves.</summary>
internal static class BaselineSelection
{
    /// <summary>Drops flows and calls to processes left out, and the roles, records and drivers nothing uses any more.</summary>
    public static void Prune(Handbook handbook)
    {
        foreach (var process in handbook.Processes)
        {
            process.Inputs.RemoveAll(f => Dangles(handbook, f.Party, process, null));
            process.Outputs.RemoveAll(f => Dangles(handbook, f.Party, process, null));
            foreach (var procedure in process.Procedures)
            {
                foreach (var step in procedure.Steps)
                {
                    step.Inputs.RemoveAll(f => Dangles(handbook, f.Party, process, procedure));
                    step.Outputs.RemoveAll(f => Dangles(handbook, f.Party, process, procedure));
                    if (Dangles(handbook, step.Call, process, procedure)) step.Call = null;
                }
            }
        }

        var roles = UsedRoles(handbook);
        handbook.Roles.RemoveAll(r => !roles.Contains(r.Id));
        var records = UsedRecords(handbook);
        handbook.Records.RemoveAll(r => !records.Contains(r.Id));
        var drivers = handbook.Processes.SelectMany(p => p.Drivers).ToHashSet(StringComparer.Ordinal);
        handbook.Drivers.RemoveAll(d => !drivers.Contains(d.Id));
        var pains = handbook.Processes.SelectMany(p => p.PainPoints).ToHashSet(StringComparer.Ordinal);
        handbook.PainPoints.RemoveAll(p => !pains.Contains(p.Id));
    }

    private static bool Dangles(Handbook handbook, string? party, Process process, Procedure? procedure) =>
        party is not null && !Reference.Resolve(handbook, party, process, procedure).IsResolved;

    private static HashSet<string> UsedRoles(Handbook handbook)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in handbook.Processes)
        {
            if (process.Owner is { } owner) used.Add(owner);
            foreach (var flow in process.Inputs.Concat(process.Outputs)) AddRole(handbook, flow.Party, used);
            foreach (var step in process.Procedures.SelectMany(p => p.Steps))
            {
                foreach (var (role, _) in step.Raci.Assignments()) used.Add(role);
                foreach (var flow in step.Inputs.Concat(step.Outputs)) AddRole(handbook, flow.Party, used);
            }
        }

        return used;
    }

    private static void AddRole(Handbook handbook, string? party, HashSet<string> used)
    {
        if (party is not null && handbook.FindRole(party) is not null) used.Add(party);
    }

    private static HashSet<string> UsedRecords(Handbook handbook)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in handbook.Processes)
        {
            foreach (var flow in process.Inputs.Concat(process.Outputs)) used.Add(flow.Record);
            foreach (var step in process.Procedures.SelectMany(p => p.Steps))
            {
                foreach (var flow in step.Inputs.Concat(step.Outputs)) used.Add(flow.Record);
            }
        }

        return used;
    }
}
