namespace Plumb.Handbook.Model;

/// <summary>
/// The whole body of process documentation of one organisation: its context (drivers, pain points),
/// the roles that do the work, the records that flow between processes, and the processes themselves.
/// </summary>
public sealed class Handbook
{
    /// <summary>The organisation or handbook title, e.g. "Acme IT Service Management".</summary>
    public string Name { get; set; } = "";

    /// <summary>What this handbook covers, in a sentence or two.</summary>
    public string? Description { get; set; }

    /// <summary>Organisational drivers: why the organisation wants its processes aligned.</summary>
    public List<Statement> Drivers { get; set; } = [];

    /// <summary>Pain points people feel today.</summary>
    public List<Statement> PainPoints { get; set; } = [];

    /// <summary>Roles shared by every process of the handbook.</summary>
    public List<Role> Roles { get; set; } = [];

    /// <summary>Records (data objects) that steps read and write, e.g. the incident record.</summary>
    public List<Record> Records { get; set; } = [];

    /// <summary>The processes, each kept in its own file.</summary>
    public List<Process> Processes { get; set; } = [];

    /// <summary>The role with this id, if any.</summary>
    public Role? FindRole(string id) => Roles.Find(r => r.Id == id);

    /// <summary>The record with this id, if any.</summary>
    public Record? FindRecord(string id) => Records.Find(r => r.Id == id);

    /// <summary>The process with this id, if any.</summary>
    public Process? FindProcess(string id) => Processes.Find(p => p.Id == id);
}
