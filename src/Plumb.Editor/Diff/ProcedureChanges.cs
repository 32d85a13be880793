namespace Plumb.Editor.Diff;

using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

/// <summary>
/// The domain-level differences between two versions of a procedure: steps added, removed or changed (naming the
/// fields), and flows added or removed, each tied to the diagram element that shows it.
/// </summary>
public static class ProcedureChanges
{
    /// <summary>Lists what changed from <paramref name="older"/> to <paramref name="newer"/>.</summary>
    public static IReadOnlyList<ProcedureChange> Between(Handbook handbook, Process process, Procedure older, Procedure newer)
    {
        var changes = new List<ProcedureChange>();
        foreach (var field in Fields(Tree(older), Tree(newer), ["steps", "findings"]))
            changes.Add(new ProcedureChange(ChangeKind.Changed, "Participant", $"procedure {field} changed"));
        foreach (var step in newer.Steps.Where(s => older.FindStep(s.Id) is null))
            changes.Add(new ProcedureChange(ChangeKind.Added, BpmnIds.Step(newer.Id, step.Id), $"step '{step.Name}' added"));
        foreach (var step in older.Steps.Where(s => newer.FindStep(s.Id) is null))
            changes.Add(new ProcedureChange(ChangeKind.Removed, BpmnIds.Step(newer.Id, step.Id), $"step '{step.Name}' removed"));
        foreach (var step in newer.Steps)
        {
            if (older.FindStep(step.Id) is not { } before) continue;
            var fields = Fields(Tree(before), Tree(step), []).ToList();
            if (fields.Count > 0)
            {
                changes.Add(new ProcedureChange(ChangeKind.Changed, BpmnIds.Step(newer.Id, step.Id),
                    $"step '{step.Name}': {string.Join(", ", fields)} changed"));
            }
        }

        var olderFlows = Flows(handbook, process, older);
        var newerFlows = Flows(handbook, process, newer);
        foreach (var (key, text) in newerFlows.Where(f => !olderFlows.ContainsKey(f.Key)))
            changes.Add(new ProcedureChange(ChangeKind.Added, key, $"flow {text} added"));
        foreach (var (key, text) in olderFlows.Where(f => !newerFlows.ContainsKey(f.Key)))
            changes.Add(new ProcedureChange(ChangeKind.Removed, key, $"flow {text} removed"));
        return changes;
    }

    // Flows keyed by their ids, which the modeller derives from their ends, so the same flow has the same id on both sides.
    private static Dictionary<string, string> Flows(Handbook handbook, Process process, Procedure procedure)
    {
        var bpmn = ProcedureModeller.Model(handbook, process, [procedure]).Processes.Single();
        var names = bpmn.Children.Where(c => c.Id is not null).ToDictionary(n => n.Id!, n => n.Name ?? n.Id!, StringComparer.Ordinal);
        var flows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var flow in bpmn.ChildrenOf("sequenceFlow"))
        {
            var label = flow.Name is null ? "" : $" ({flow.Name})";
            flows.TryAdd(flow.Id!, $"'{names[flow.Attribute("sourceRef")!]}' → '{names[flow.Attribute("targetRef")!]}'{label}");
        }

        return flows;
    }

    private static IEnumerable<string> Fields(JsonObject older, JsonObject newer, string[] skip)
    {
        foreach (var name in older.Select(p => p.Key).Union(newer.Select(p => p.Key)))
        {
            if (skip.Contains(name)) continue;
            if (!JsonNode.DeepEquals(older[name], newer[name])) yield return name == "raci" ? "RACI" : name;
        }
    }

    private static JsonObject Tree<T>(T value) => JsonSerializer.SerializeToNode(value, HandbookJson.Compact)!.AsObject();
}
