namespace Plumb.Cli.Demo;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;

/// <summary>
/// The demo's handbook: the whole baseline as an organisation would have adapted it — its own name, a few local
/// changes, a role not yet in place, findings from a first review — and every process published.
/// </summary>
public static class DemoWorkspace
{
    public static Handbook CreateHandbook()
    {
        var handbook = BaselineLibrary.Load();
        handbook.Name = "Acme IT Service Management";
        handbook.Description = "How Acme IT restores, changes and improves its services — reviewed with the service owners in 2026.";
        foreach (var process in handbook.Processes)
        {
            process.Status = ProcessStatus.Published;
            process.Version = "1.0";
        }

        // A local role that is documented but not staffed yet: role coverage and lint show it.
        if (handbook.Roles.FirstOrDefault(r => r.Id.Contains("problem", StringComparison.Ordinal)) is { } problemRole)
        {
            problemRole.InPlace = false;
            problemRole.Holders.Clear();
        }

        if (handbook.FindProcess("incident") is { } incident)
        {
            // A target the organisation set for itself, different from the baseline's.
            if (incident.Kpis.FirstOrDefault(k => k.Target is not null) is { } kpi)
            {
                kpi.Target = kpi.Target * 1.5;
            }

            var steps = incident.Procedures.SelectMany(p => p.Steps).ToList();
            if (steps.Count > 1)
            {
                steps[1].Name += " (service desk script)";
                steps[1].Review = new ReviewVerdict { Necessary = true, Efficient = false, RoleInPlace = true, Notes = "Agents re-type caller details that the portal already captured." };
                steps[1].Findings.Add(new Finding
                {
                    Id = "F-001", Text = "Categories are chosen inconsistently, so reports by category mean little.",
                    Severity = FindingSeverity.High, PlannedUpdate = "Reduce the category list to twelve and add examples to the instruction.",
                    Owner = "incident-manager", Status = FindingStatus.Planned,
                });
            }

            if (steps.Count > 3)
            {
                steps[3].Findings.Add(new Finding
                {
                    Id = "F-002", Text = "Tickets bounce between resolver groups before anyone owns them.",
                    Severity = FindingSeverity.Medium, PlannedUpdate = "Add a rule: the first group that accepts keeps the ticket until it is resolved.",
                    Owner = "incident-manager", Status = FindingStatus.Open,
                });
            }
        }

        if (handbook.FindProcess("change") is { } change && change.Procedures.SelectMany(p => p.Steps).FirstOrDefault() is { } first)
        {
            first.Findings.Add(new Finding
            {
                Id = "F-003", Text = "Standard changes are still raised as normal changes for lack of templates.",
                Severity = FindingSeverity.Medium, PlannedUpdate = "Publish templates for the ten most frequent standard changes.",
                Status = FindingStatus.Open,
            });
        }

        return handbook;
    }

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, HandbookFolder.HandbookFile));
}
