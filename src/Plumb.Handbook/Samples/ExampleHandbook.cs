namespace Plumb.Handbook.Samples;

using Plumb.Handbook.Model;

/// <summary>A small, complete handbook that <c>plumb init</c> writes when no baseline is asked for.</summary>
public static class ExampleHandbook
{
    /// <summary>A new example handbook with one process, "Incident Management", and one procedure.</summary>
    public static Handbook Create(string name)
    {
        var handbook = new Handbook
        {
            Name = name,
            Description = "Our IT service management processes: why they exist and how we run them.",
            Drivers = [new Statement { Id = "D1", Text = "Users lose working time when IT services fail." }],
            PainPoints = [new Statement { Id = "P1", Text = "Tickets are logged inconsistently, so nobody trusts the reports." }],
            Roles =
            [
                new Role { Id = "caller", Name = "Caller", Description = "Anyone who reports a disruption.", Holders = ["All staff"] },
                new Role
                {
                    Id = "service-desk-agent", Name = "Service Desk Agent",
                    Description = "Logs, classifies and resolves incidents at first contact.",
                    Holders = ["Service desk team"], Groups = ["Service Desk"],
                },
                new Role
                {
                    Id = "incident-manager", Name = "Incident Manager",
                    Description = "Owns the incident process and answers for its outcome.",
                    Holders = ["Service desk lead"], Groups = ["Incident Management"],
                },
            ],
            Records = [new Record { Id = "incident-record", Name = "Incident record", Description = "The ticket of one disruption.", Table = "incident" }],
        };
        handbook.Processes.Add(IncidentProcess());
        return handbook;
    }

    private static Process IncidentProcess() => new()
    {
        Id = "incident",
        Name = "Incident Management",
        Owner = "incident-manager",
        Mission = "Restore normal service as quickly as possible.",
        Purpose = "Minimise the impact of service disruptions on the business.",
        Scope = "Every unplanned interruption or reduction in quality of an IT service.",
        Objectives = ["Restore service within the agreed resolution times."],
        Principles = ["Every disruption is logged, however it is reported."],
        Csfs = [new Statement { Id = "csf-fast-restore", Text = "Services are restored quickly." }],
        Triggers = ["A user reports a disruption.", "Monitoring raises an alert."],
        Drivers = ["D1"],
        PainPoints = ["P1"],
        Kpis =
        [
            new Kpi
            {
                Id = "mttr", Name = "Median time to resolve",
                Definition = "Median time from logging an incident to resolving it.",
                Measure = "median duration from start to step:resolve by priority",
                Unit = "hours", Target = 8, Direction = KpiDirection.Lower, Csf = "csf-fast-restore",
            },
        ],
        Procedures =
        [
            new Procedure
            {
                Id = "handle-incident", Name = "Handle an incident",
                Purpose = "Take a reported disruption from first contact to restored service.",
                Trigger = "A disruption is reported.", Outcome = "Service is restored and the caller has confirmed it.",
                Steps =
                [
                    new Step
                    {
                        Id = "log", Name = "Log the incident",
                        Instruction = "Create an incident record with the caller, the affected service and a short description.",
                        Raci = new Raci { Responsible = ["service-desk-agent"], Accountable = ["incident-manager"], Informed = ["caller"] },
                        Inputs = [new DataFlow { Record = "incident-record", Party = "caller", Note = "The report of the disruption." }],
                        Tool = new ToolMapping { Table = "incident", States = ["1"], Groups = ["Service Desk"] },
                    },
                    new Step
                    {
                        Id = "resolve", Name = "Resolve the incident",
                        Instruction = "Apply a fix or workaround, record what was done, and set the incident to Resolved.",
                        Raci = new Raci { Responsible = ["service-desk-agent"], Accountable = ["incident-manager"] },
                        Tool = new ToolMapping { Table = "incident", States = ["2", "6"], Groups = ["Service Desk"] },
                    },
                    new Step
                    {
                        Id = "close", Name = "Confirm and close",
                        Instruction = "Ask the caller to confirm the service works, then close the incident.",
                        Raci = new Raci { Responsible = ["service-desk-agent"], Accountable = ["incident-manager"], Consulted = ["caller"] },
                        Outputs = [new DataFlow { Record = "incident-record", Party = "caller", Note = "The resolved incident." }],
                        Tool = new ToolMapping { Table = "incident", States = ["7"] },
                    },
                ],
            },
        ],
    };
}
