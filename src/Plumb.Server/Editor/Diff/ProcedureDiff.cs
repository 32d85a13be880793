namespace Plumb.Server.Editor.Diff;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;

/// <summary>
/// Two versions of a procedure compared for the visual diff: the domain's own list of changes (<see cref="HandbookDiff"/>, with the
/// flows between steps), kept to the procedure, and the elements of each side's diagram to highlight. What changed elsewhere in the
/// process (its own fields, its other procedures) is listed apart, so a reviewer of one procedure still sees all a proposal changes.
/// </summary>
public sealed record ProcedureDiff(IReadOnlyList<Change> Changes, IReadOnlyList<DiagramMark> Older, IReadOnlyList<DiagramMark> Newer)
{
    /// <summary>The changes to the process outside this procedure.</summary>
    public IReadOnlyList<Change> Elsewhere { get; init; } = [];

    /// <summary>Compares the procedure in two handbooks (the same handbook holding the older and the newer version of its process).</summary>
    public static ProcedureDiff Between(Handbook older, Handbook newer, string processId, string procedureId)
    {
        var prefix = $"processes/{processId}/procedures/{procedureId}";
        var all = HandbookDiff.Compare(older, newer, new DiffOptions { Flows = true });
        var changes = all.Where(c => Within(c, prefix)).ToList();
        var elsewhere = all.Where(c => Within(c, $"processes/{processId}") && !Within(c, prefix)).ToList();
        var olderMarks = new Dictionary<string, ChangeKind>(StringComparer.Ordinal);
        var newerMarks = new Dictionary<string, ChangeKind>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!change.Path.StartsWith(prefix + "/steps/", StringComparison.Ordinal) || change.Kind == ChangeKind.Reordered) continue;
            var rest = change.Path[(prefix.Length + "/steps/".Length)..];
            var element = BpmnIds.Step(procedureId, rest.Split('/')[0]);
            var whole = !rest.Contains('/', StringComparison.Ordinal) && change.Field is null;
            if (whole && change.Kind == ChangeKind.Added) Mark(newerMarks, element, ChangeKind.Added);
            else if (whole && change.Kind == ChangeKind.Removed) Mark(olderMarks, element, ChangeKind.Removed);
            else
            {
                Mark(olderMarks, element, ChangeKind.Changed);
                Mark(newerMarks, element, ChangeKind.Changed);
            }
        }

        if (Model(older, processId, procedureId) is { } before && Model(newer, processId, procedureId) is { } after)
        {
            foreach (var id in before.Keys.Where(id => !after.ContainsKey(id))) Mark(olderMarks, id, ChangeKind.Removed);
            foreach (var (id, shape) in after)
            {
                if (!before.TryGetValue(id, out var was)) Mark(newerMarks, id, ChangeKind.Added);
                else if (was != shape)
                {
                    Mark(olderMarks, id, ChangeKind.Changed);
                    Mark(newerMarks, id, ChangeKind.Changed);
                }
            }
        }

        return new ProcedureDiff(changes, [.. olderMarks.Select(m => new DiagramMark(m.Key, m.Value))],
            [.. newerMarks.Select(m => new DiagramMark(m.Key, m.Value))]) { Elsewhere = elsewhere };
    }

    private static bool Within(Change change, string path) => change.Path == path || change.Path.StartsWith(path + "/", StringComparison.Ordinal);

    // Flows and gateways of the laid-out model: the modeller derives their ids from their ends, so a flow keeps its id across versions.
    private static Dictionary<string, string>? Model(Handbook handbook, string processId, string procedureId)
    {
        if (handbook.FindProcess(processId) is not { } process || process.FindProcedure(procedureId) is not { } procedure) return null;
        var bpmn = ProcedureModeller.Model(handbook, process, [procedure]).Processes.Single();
        return bpmn.Children.Where(c => c.Id is not null && (c.Kind == "sequenceFlow" || BpmnKinds.IsGateway(c.Kind)))
            .ToDictionary(c => c.Id!, c => $"{c.Kind}|{c.Name}|{c.Attribute("sourceRef")}|{c.Attribute("targetRef")}", StringComparer.Ordinal);
    }

    // Added and removed say more than changed, so they are not overwritten by it.
    private static void Mark(Dictionary<string, ChangeKind> marks, string element, ChangeKind kind)
    {
        if (!marks.TryGetValue(element, out var was) || was == ChangeKind.Changed) marks[element] = kind;
    }
}
