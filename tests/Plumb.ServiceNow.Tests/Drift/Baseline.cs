namespace Plumb.ServiceNow.Tests.Drift;

using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

/// <summary>A baseline handbook mapped to ServiceNow's out-of-box incident configuration, and a snapshot of that configuration.</summary>
public static class Baseline
{
    public static ConfigurationSnapshot OutOfBoxSnapshot()
    {
        var snapshot = new ConfigurationSnapshot { Instance = "out-of-box" };
        snapshot.Choices.AddRange(OutOfBox.Choices);
        snapshot.Groups.AddRange(OutOfBox.Groups.Select(g => new GroupEntry("id-" + g, g)));
        snapshot.Slas.AddRange(OutOfBox.IncidentSlas.Select(s =>
            new SlaDefinition("id-" + s.Name, s.Name, "incident", s.Duration, "resolution", StartCondition: $"active=true^priority={s.Priority}^EQ")));
        snapshot.Dictionary.AddRange(OutOfBox.TaskFields.Select(f => new DictionaryEntry("task", f)));
        snapshot.Dictionary.AddRange(OutOfBox.TableFields.SelectMany(t => t.Value.Select(f => new DictionaryEntry(t.Key, f))));
        return snapshot;
    }

    public static Handbook IncidentHandbook()
    {
        Step Step(string id, string name, string state, params string[] groups) => new()
        {
            Id = id, Name = name, Raci = new Raci { Responsible = ["agent"], Accountable = ["incident-manager"] },
            Tool = new ToolMapping { Table = "incident", States = [state], Groups = [.. groups] },
        };
        return new Handbook
        {
            Name = "Baseline",
            Roles =
            [
                new Role { Id = "agent", Name = "Service Desk Agent", Groups = ["Service Desk"] },
                new Role { Id = "resolver", Name = "Resolver", Groups = ["Hardware", "Software", "Network", "Database"] },
                new Role { Id = "incident-manager", Name = "Incident Manager", Groups = ["Problem Solving"] },
                new Role { Id = "change-manager", Name = "Change Manager", Groups = ["CAB Approval", "Change Management"] },
            ],
            Records = [new Record { Id = "incident-record", Name = "Incident record", Table = "incident" }],
            Processes =
            [
                new Process
                {
                    Id = "incident", Name = "Incident Management", Owner = "incident-manager",
                    Kpis =
                    [
                        new Kpi
                        {
                            Id = "p1-resolution", Name = "P1 resolution time", Unit = "hours", Target = 8, Direction = KpiDirection.Lower,
                            Measure = "p90 duration from start to step:resolve where priority = 1",
                        },
                        new Kpi { Id = "reassignments", Name = "Reassignments", Unit = "count", Target = 1, Measure = "average field:reassignment_count by group" },
                    ],
                    Procedures =
                    [
                        new Procedure
                        {
                            Id = "handle", Name = "Handle an incident",
                            Steps =
                            [
                                Step("log", "Log", "1", "Service Desk"), Step("work", "Investigate", "2", "Hardware", "Network"),
                                Step("wait", "Wait for the caller", "3"), Step("resolve", "Resolve", "6"), Step("close", "Close", "7"),
                                Step("cancel", "Cancel", "8"),
                            ],
                        },
                    ],
                },
            ],
        };
    }
}
