namespace Plumb.Handbook.Model;

/// <summary>
/// A repeatable way of delivering an ITSM outcome, e.g. "Incident Management": its review (drivers,
/// mission, objectives, CSFs, KPIs, data flows) and the procedures that carry it out.
/// </summary>
public sealed class Process
{
    /// <summary>Stable id, also the file name: <c>processes/ID.yaml</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The role that owns the process.</summary>
    public string? Owner { get; set; }

    /// <summary>Approval status.</summary>
    public ProcessStatus Status { get; set; } = ProcessStatus.Draft;

    /// <summary>Version label, e.g. <c>1.2</c>.</summary>
    public string Version { get; set; } = "0.1";

    /// <summary>Why the process exists, in one sentence.</summary>
    public string? Mission { get; set; }

    /// <summary>What the process achieves.</summary>
    public string? Purpose { get; set; }

    /// <summary>What is in and out of scope.</summary>
    public string? Scope { get; set; }

    /// <summary>Measurable objectives.</summary>
    public List<string> Objectives { get; set; } = [];

    /// <summary>Principles and policies that guide the work.</summary>
    public List<string> Principles { get; set; } = [];

    /// <summary>Critical success factors, evidenced by KPIs.</summary>
    public List<Statement> Csfs { get; set; } = [];

    /// <summary>What starts the process.</summary>
    public List<string> Triggers { get; set; } = [];

    /// <summary>Ids of the handbook's drivers this process answers.</summary>
    public List<string> Drivers { get; set; } = [];

    /// <summary>Ids of the handbook's pain points this process addresses.</summary>
    public List<string> PainPoints { get; set; } = [];

    /// <summary>Records that come into the process, and where from.</summary>
    public List<DataFlow> Inputs { get; set; } = [];

    /// <summary>Records the process hands on, and where to.</summary>
    public List<DataFlow> Outputs { get; set; } = [];

    /// <summary>Key performance indicators with targets.</summary>
    public List<Kpi> Kpis { get; set; } = [];

    /// <summary>The procedures, each an ordered flow of steps.</summary>
    public List<Procedure> Procedures { get; set; } = [];

    /// <summary>Findings about the process as a whole.</summary>
    public List<Finding> Findings { get; set; } = [];

    /// <summary>What changed in each version, newest last.</summary>
    public List<ChangeLogEntry> ChangeLog { get; set; } = [];

    /// <summary>The procedure with this id, if any.</summary>
    public Procedure? FindProcedure(string id) => Procedures.Find(p => p.Id == id);
}
