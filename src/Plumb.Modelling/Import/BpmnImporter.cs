namespace Plumb.Modelling.Import;

using System.Text;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

/// <summary>
/// Turns BPMN from any tool into procedures: each process with activities becomes a procedure, activities become steps,
/// lanes become roles, gateways become decisions and joins, documentation becomes instructions, start and end events give
/// trigger and outcome, data associations give inputs and outputs. Everything else is listed as not carried over.
/// </summary>
public static partial class BpmnImporter
{
    /// <summary>Imports every process of the model into <paramref name="handbook"/>'s process <paramref name="processId"/> (created if missing).</summary>
    public static ImportResult Import(BpmnDefinitions definitions, Handbook handbook, string processId)
    {
        var notes = new List<string>();
        var process = handbook.FindProcess(processId);
        if (process is null)
        {
            process = new Process { Id = processId, Name = Title(processId) };
            handbook.Processes.Add(process);
        }

        var index = definitions.IndexById();
        var participants = definitions.Collaborations.SelectMany(c => c.ChildrenOf("participant")).ToList();
        foreach (var bpmnProcess in definitions.Processes)
        {
            var nodes = bpmnProcess.Children.Where(c => BpmnKinds.IsFlowNode(c.Kind)).ToList();
            if (!nodes.Exists(n => BpmnKinds.IsActivity(n.Kind))) continue;
            var pool = participants.Find(p => p.Attribute("processRef") == bpmnProcess.Id);
            var name = pool?.Name ?? bpmnProcess.Name ?? bpmnProcess.Id ?? "procedure";
            var procedure = new ProcessImport(handbook, bpmnProcess, index, notes).Build(UniqueId(Slug(name), process.Procedures.Select(p => p.Id)), name);
            process.Procedures.RemoveAll(p => p.Id == procedure.Id);
            process.Procedures.Add(procedure);
        }

        foreach (var collaboration in definitions.Collaborations)
        {
            foreach (var flow in collaboration.ChildrenOf("messageFlow"))
                notes.Add($"message flow '{flow.Name ?? flow.Id}' ({flow.Attribute("sourceRef")} → {flow.Attribute("targetRef")}) is not carried over");
            foreach (var pool in collaboration.ChildrenOf("participant").Where(p => p.Attribute("processRef") is null))
                notes.Add($"pool '{pool.Name ?? pool.Id}' has no process (a black box); it is not carried over");
        }

        foreach (var root in definitions.RootElements.Where(r => r.Kind is "choreography" or "conversation" or "globalTask"))
            notes.Add($"{root.Kind} '{root.Name ?? root.Id}' is not carried over");
        return new ImportResult(process, notes);
    }

    /// <summary>A lower-case id made of letters, digits and dashes, e.g. "Handle the incident" → <c>handle-the-incident</c>.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 48) slug = slug[..48].TrimEnd('-');
        return slug.Length == 0 ? "item" : char.IsAsciiDigit(slug[0]) ? $"n{slug}" : slug;
    }

    internal static string UniqueId(string id, IEnumerable<string> taken)
    {
        var set = taken.ToHashSet(StringComparer.Ordinal);
        var unique = id;
        for (var n = 2; set.Contains(unique) || unique == Step.End; n++) unique = $"{id}-{n}";
        return unique;
    }

    private static string Title(string id) => id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ');
}
