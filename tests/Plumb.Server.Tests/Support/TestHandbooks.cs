namespace Plumb.Server.Tests.Support;

using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.Server.Handbooks;

/// <summary>Handbooks for tests: the example plus a second process, so flows, decisions and findings all show.</summary>
public static class TestHandbooks
{
    public static Handbook Create()
    {
        var handbook = ExampleHandbook.Create("Acme IT");
        handbook.Roles.Add(new Role { Id = "problem-manager", Name = "Problem Manager", Description = "Finds root causes.", Groups = ["Problem Management"] });
        handbook.Records.Add(new Record { Id = "problem-record", Name = "Problem record", Table = "problem" });
        var incident = handbook.FindProcess("incident")!;
        incident.Outputs.Add(new DataFlow { Record = "incident-record", Party = "problem", Note = "Recurring incidents." });
        incident.Findings.Add(new Finding { Id = "F-001", Text = "Priorities are set by gut feeling.", Severity = FindingSeverity.High, Owner = "incident-manager" });
        var resolve = incident.Procedures[0].FindStep("resolve")!;
        resolve.Instruction = "Apply a **fix** or workaround.\n\n- record what was done\n- set the incident to *Resolved*\n\nSee [the guide](https://example.org/guide).";
        resolve.Findings.Add(new Finding
        {
            Id = "F-002",
            Text = "Workarounds are not recorded.",
            Severity = FindingSeverity.Medium,
            Status = FindingStatus.Planned,
            PlannedUpdate = "Add a workaround field."
        });
        handbook.Processes.Add(new Process
        {
            Id = "problem",
            Name = "Problem Management",
            Owner = "problem-manager",
            Status = ProcessStatus.Published,
            Version = "1.0",
            Purpose = "Find and remove the root causes of incidents.",
            Inputs = [new DataFlow { Record = "incident-record", Party = "incident" }],
            Outputs = [new DataFlow { Record = "problem-record", Party = "incident", Note = "Known errors." }],
            Kpis = [new Kpi { Id = "rca", Name = "Root causes found", Unit = "%", Target = 80, Direction = KpiDirection.Higher }],
            Procedures =
            [
                new Procedure
                {
                    Id = "investigate", Name = "Investigate a problem", Purpose = "Find the root cause.",
                    Steps =
                    [
                        new Step
                        {
                            Id = "record-problem", Name = "Record the problem", Instruction = "Open a problem record for the recurring incidents.",
                            Raci = new Raci { Responsible = ["problem-manager"], Accountable = ["problem-manager"], Consulted = ["service-desk-agent"] },
                            Inputs = [new DataFlow { Record = "incident-record", Party = "incident/handle-incident/close" }],
                            Decision = new Decision
                            {
                                Question = "Is the cause known?",
                                Branches = [new Branch { When = "known", Goto = "publish-known-error" }, new Branch { When = "unknown", Goto = "analyse" }],
                            },
                        },
                        new Step
                        {
                            Id = "analyse", Name = "Analyse the root cause", Instruction = "Use the five whys with the resolvers.",
                            Raci = new Raci { Responsible = ["problem-manager"], Accountable = ["problem-manager"], Informed = ["incident-manager"] },
                        },
                        new Step
                        {
                            Id = "publish-known-error", Name = "Publish the known error", Instruction = "Write the workaround where agents find it.",
                            Raci = new Raci { Responsible = ["problem-manager"], Accountable = ["problem-manager"], Informed = ["service-desk-agent"] },
                            Outputs = [new DataFlow { Record = "problem-record", Party = "incident/handle-incident/resolve" }],
                        },
                    ],
                },
            ],
        });
        return handbook;
    }

    public static Dictionary<string, string> Documents() => DocumentSet.Write(Create());
}
