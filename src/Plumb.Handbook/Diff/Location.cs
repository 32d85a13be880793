namespace Plumb.Handbook.Diff;

using Plumb.Handbook.Model;

/// <summary>Names parts of a handbook the way a process owner says them, e.g. "step 'Categorise' of procedure 'Log an incident'".</summary>
public static class Location
{
    /// <summary>"process 'Incident Management'".</summary>
    public static string Of(Process process) => $"process '{Name(process.Name, process.Id)}'";

    /// <summary>"procedure 'Handle an incident' of process 'Incident Management'".</summary>
    public static string Of(Process process, Procedure procedure) =>
        $"procedure '{Name(procedure.Name, procedure.Id)}' of {Of(process)}";

    /// <summary>"step 'Categorise' of procedure 'Handle an incident'" (the process is named when the procedure name alone is ambiguous).</summary>
    public static string Of(Process process, Procedure procedure, Step step) =>
        $"step '{Name(step.Name, step.Id)}' of procedure '{Name(procedure.Name, procedure.Id)}' ({Name(process.Name, process.Id)})";

    /// <summary>"role 'Service Desk Agent'".</summary>
    public static string Of(Role role) => $"role '{Name(role.Name, role.Id)}'";

    /// <summary>"KPI 'Median time to resolve' of process 'Incident Management'".</summary>
    public static string Of(Process process, Kpi kpi) => $"KPI '{Name(kpi.Name, kpi.Id)}' of {Of(process)}";

    /// <summary>"CSF 'csf-fast' of process 'Incident Management'".</summary>
    public static string Of(Process process, Statement csf) => $"CSF '{csf.Id}' of {Of(process)}";

    /// <summary>The role's name when the handbook knows it, else the id as written.</summary>
    public static string RoleName(Handbook handbook, string id) => handbook.FindRole(id)?.Name is { Length: > 0 } name ? name : id;

    /// <summary>Role names joined for a sentence, "nobody" when empty.</summary>
    public static string RoleNames(Handbook handbook, IEnumerable<string> ids)
    {
        var names = ids.Select(id => RoleName(handbook, id)).ToList();
        return names.Count == 0 ? "nobody" : string.Join(", ", names);
    }

    /// <summary>A data flow in words: "incident-record from Problem Management".</summary>
    public static string Flow(Handbook handbook, DataFlow flow, bool input)
    {
        var record = handbook.FindRecord(flow.Record)?.Name ?? flow.Record;
        if (flow.Party is null) return record;
        var party = handbook.FindProcess(flow.Party)?.Name ?? handbook.FindRole(flow.Party)?.Name ?? flow.Party;
        return $"{record} {(input ? "from" : "to")} {party}";
    }

    private static string Name(string name, string id) => string.IsNullOrWhiteSpace(name) ? id : name;
}
