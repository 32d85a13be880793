namespace Plumb.Editor.Bpmn;

using System.Text;
using Plumb.Handbook.Model;

/// <summary>
/// Carries a diagram edited in the browser back into a procedure: tasks become steps (new ones added after the step
/// that leads to them, removed ones dropped), sequence flows become next steps and decisions, lanes become the
/// responsible role (lanes that match no role become new roles).
/// </summary>
public static class ProcedureBpmnReader
{
    /// <summary>Applies the diagram to a copy of the procedure; new roles for unknown lanes are returned beside it.</summary>
    public static (Procedure Procedure, IReadOnlyList<Role> NewRoles) Apply(Handbook handbook, Procedure procedure, string xml)
    {
        var diagram = BpmnDiagram.Parse(xml);
        var result = Copy(procedure);
        var newRoles = new List<Role>();
        var stepOf = new Dictionary<string, Step>(StringComparer.Ordinal);
        var kept = new List<Step>();
        var isTask = (string element) => element.EndsWith("Task", StringComparison.Ordinal) || element is "task" or "callActivity" or "subProcess";

        foreach (var (id, element, name, lane) in diagram.Nodes.Where(n => isTask(n.Element)))
        {
            var existingId = id.StartsWith("Step_", StringComparison.Ordinal) ? id["Step_".Length..] : null;
            var step = existingId is null ? null : result.FindStep(existingId);
            if (step is null)
            {
                step = new Step { Id = UniqueId(Slug(name ?? "step"), result.Steps.Concat(kept)), Name = name ?? "New step" };

                // A step drawn in the modeler answers to whoever answers for the rest of the procedure, so it is never left without an accountable role.
                if (procedure.Steps.SelectMany(s => s.Raci.Accountable).GroupBy(a => a, StringComparer.Ordinal)
                        .OrderByDescending(g => g.Count()).FirstOrDefault()?.Key is { } accountable)
                {
                    step.Raci.Accountable.Add(accountable);
                }
            }

            if (name is not null) step.Name = name;
            step.Kind = element switch
            {
                "manualTask" => StepKind.Manual,
                "serviceTask" or "scriptTask" or "sendTask" or "receiveTask" or "businessRuleTask" => StepKind.Service,
                "userTask" => StepKind.User,
                _ => step.Kind,
            };
            if (lane is not null && RoleOf(handbook, diagram, lane, newRoles) is { } role && step.Raci.Responsible.FirstOrDefault() != role)
            {
                // The lane is the first responsible role: moving a task to another lane hands the step over.
                step.Raci.Responsible.Remove(role);
                if (step.Raci.Responsible.Count > 0) step.Raci.Responsible[0] = role;
                else step.Raci.Responsible.Add(role);
            }

            stepOf[id] = step;
            kept.Add(step);
        }

        result.Steps = Order(procedure, kept, diagram, stepOf);
        Connect(result, diagram, stepOf);
        return (result, newRoles);
    }

    // Steps keep their order; a new step goes right after the step a flow leads from.
    private static List<Step> Order(Procedure original, List<Step> kept, BpmnDiagram diagram, Dictionary<string, Step> stepOf)
    {
        var ordered = kept.Where(s => original.FindStep(s.Id) is not null).OrderBy(s => original.Steps.FindIndex(o => o.Id == s.Id)).ToList();
        var pending = kept.Where(s => !ordered.Contains(s)).ToList();
        for (var guard = 0; pending.Count > 0 && guard < kept.Count + 1; guard++)
        {
            foreach (var step in pending.ToList())
            {
                var predecessor = Predecessor(diagram, stepOf, step);
                var at = predecessor is null ? -1 : ordered.IndexOf(predecessor);
                if (predecessor is not null && at < 0 && guard < kept.Count) continue;
                ordered.Insert(predecessor is null ? ordered.Count : at + 1, step);
                pending.Remove(step);
            }
        }

        return ordered;
    }

    private static Step? Predecessor(BpmnDiagram diagram, Dictionary<string, Step> stepOf, Step step)
    {
        var node = stepOf.First(p => p.Value == step).Key;
        var frontier = new Queue<string>([node]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { node };
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var (source, _, _) in diagram.Flows.Where(f => f.Target == current))
            {
                if (stepOf.TryGetValue(source, out var found) && found != step) return found;
                if (seen.Add(source)) frontier.Enqueue(source);
            }
        }

        return null;
    }

    private static void Connect(Procedure procedure, BpmnDiagram diagram, Dictionary<string, Step> stepOf)
    {
        var kinds = diagram.Nodes.ToDictionary(n => n.Id, n => n, StringComparer.Ordinal);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var step = procedure.Steps[i];
            var node = stepOf.First(p => p.Value == step).Key;
            var outgoing = diagram.Flows.Where(f => f.Source == node).ToList();
            var following = i + 1 < procedure.Steps.Count ? procedure.Steps[i + 1].Id : Step.End;
            step.Decision = null;
            step.Next = null;
            if (outgoing.Count == 1 && kinds.TryGetValue(outgoing[0].Target, out var target) && target.Element.EndsWith("Gateway", StringComparison.Ordinal))
            {
                var branches = diagram.Flows.Where(f => f.Source == target.Id).ToList();
                if (branches.Count > 1)
                {
                    step.Decision = new Decision
                    {
                        Question = target.Name,
                        Kind = target.Element == "parallelGateway" ? DecisionKind.Parallel : DecisionKind.Exclusive,
                        Branches = [.. branches.Select(b => new Branch { When = b.Name, Goto = Resolve(b.Target, diagram, stepOf, kinds) })],
                    };
                    continue;
                }

                outgoing = branches;
            }

            if (outgoing.Count > 1)
            {
                step.Decision = new Decision
                {
                    Kind = DecisionKind.Parallel,
                    Branches = [.. outgoing.Select(b => new Branch { When = b.Name, Goto = Resolve(b.Target, diagram, stepOf, kinds) })],
                };
                continue;
            }

            var next = outgoing.Count == 0 ? Step.End : Resolve(outgoing[0].Target, diagram, stepOf, kinds);
            step.Next = next == following ? null : next;
        }
    }

    // Where a flow leads, skipping gateways with a single way out and intermediate events.
    private static string Resolve(string nodeId, BpmnDiagram diagram, Dictionary<string, Step> stepOf,
        Dictionary<string, (string Id, string Element, string? Name, string? Lane)> kinds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = nodeId;
        while (seen.Add(current))
        {
            if (stepOf.TryGetValue(current, out var step)) return step.Id;
            if (kinds.TryGetValue(current, out var node) && node.Element == "endEvent") return Step.End;
            var onward = diagram.Flows.Where(f => f.Source == current).ToList();
            if (onward.Count != 1) return Step.End;
            current = onward[0].Target;
        }

        return Step.End;
    }

    private static string? RoleOf(Handbook handbook, BpmnDiagram diagram, string lane, List<Role> newRoles)
    {
        var name = diagram.LaneNames.GetValueOrDefault(lane) ?? "";
        if (lane.StartsWith("Lane_", StringComparison.Ordinal))
        {
            var id = lane["Lane_".Length..];
            if (handbook.FindRole(id) is { } known && (name.Length == 0 || name == known.Name)) return id;
        }

        if (name.Length == 0) return null;
        var byName = handbook.Roles.Concat(newRoles).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName.Id;
        var role = new Role { Id = UniqueRoleId(Slug(name), handbook, newRoles), Name = name, InPlace = false };
        newRoles.Add(role);
        return role.Id;
    }

    private static string UniqueRoleId(string id, Handbook handbook, List<Role> newRoles)
    {
        var candidate = id;
        for (var n = 2; handbook.FindRole(candidate) is not null || newRoles.Any(r => r.Id == candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    private static string UniqueId(string id, IEnumerable<Step> steps)
    {
        var taken = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var candidate = id;
        for (var n = 2; taken.Contains(candidate) || candidate == Step.End; n++) candidate = $"{id}-{n}";
        return candidate;
    }

    /// <summary>A lower-case, hyphenated id made from a display name.</summary>
    public static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) text.Append(c);
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }

        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? "step" : slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    private static Procedure Copy(Procedure procedure) =>
        Services.Documents.ReadProcess(Services.Documents.ProcessContent(new Process { Procedures = [procedure] })).Procedures[0];
}
