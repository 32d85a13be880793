namespace Plumb.ServiceNow.Snapshot;

/// <summary>A <c>contract_sla</c> row: an SLA definition on a task table with its duration and conditions.</summary>
public sealed record SlaDefinition(
    string SysId,
    string Name,
    string Table,
    TimeSpan? Duration,
    string Target = "",
    string Type = "SLA",
    string StartCondition = "",
    string StopCondition = "",
    string PauseCondition = "",
    bool Active = true);
