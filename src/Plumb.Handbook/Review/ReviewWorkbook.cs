namespace Plumb.Handbook.Review;

/// <summary>
/// What a process alignment workshop hands over, built from a handbook: the step-1 review of every process, the step-2
/// review of every procedure, the RACI matrices, role coverage, the cross-process data-flow map and the findings register.
/// </summary>
public sealed record ReviewWorkbook(
    string Title,
    string? Description,
    IReadOnlyList<ProcessReview> Processes,
    IReadOnlyList<RaciMatrix> Raci,
    IReadOnlyList<RoleCoverageRow> Coverage,
    IReadOnlyList<DataFlowRow> DataFlows,
    IReadOnlyList<FindingRow> Findings);

/// <summary>The step-1 review of one process: its why, its data flows and its KPIs, and the step-2 review of its procedures.</summary>
public sealed record ProcessReview(
    string Id,
    string Name,
    string Owner,
    string Status,
    string Version,
    string Mission,
    string Purpose,
    string Scope,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Principles,
    IReadOnlyList<string> Csfs,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> Drivers,
    IReadOnlyList<string> PainPoints,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<KpiRow> Kpis,
    IReadOnlyList<ProcedureReview> Procedures);

/// <summary>One KPI as the review shows it.</summary>
public sealed record KpiRow(string Name, string Definition, string Measure, string Target, string Csf);

/// <summary>The step-2 review table of one procedure.</summary>
public sealed record ProcedureReview(string Id, string Name, string Purpose, string Trigger, string Outcome, IReadOnlyList<StepReviewRow> Steps);

/// <summary>One row of the step-2 table: the step and the review's answers about it.</summary>
public sealed record StepReviewRow(
    int Number,
    string Step,
    string Necessary,
    string Efficient,
    string Responsible,
    string RoleInPlace,
    string InputsFrom,
    string OutputsTo,
    string Findings,
    string PlannedUpdates);

/// <summary>The RACI matrix of one procedure: roles down, steps across, a letter string in each cell.</summary>
public sealed record RaciMatrix(string Process, string Procedure, IReadOnlyList<string> Steps, IReadOnlyList<string> Roles, IReadOnlyList<IReadOnlyList<string>> Cells);

/// <summary>One role and whether the organisation can rely on it.</summary>
public sealed record RoleCoverageRow(string Role, string InPlace, string Holders, int ResponsibleOrAccountable, string Issue);

/// <summary>One edge of the cross-process data-flow map and whether the other side confirms it.</summary>
public sealed record DataFlowRow(string From, string Record, string To, string Note, string Status);

/// <summary>One line of the findings register.</summary>
public sealed record FindingRow(string Id, string Where, string Text, string Severity, string PlannedUpdate, string Owner, string Status);
