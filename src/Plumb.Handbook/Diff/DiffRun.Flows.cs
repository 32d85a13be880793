namespace Plumb.Handbook.Diff;

using Plumb.Handbook.Model;

internal sealed partial class DiffRun
{
    private const string Start = "start";

    // Flows are matched by the ids at their ends (and the branch condition), so renaming a step does not make its flows new.
    private void Flows(string path, string where, Procedure a, Procedure b)
    {
        var before = FlowsOf(a);
        var after = FlowsOf(b);
        foreach (var (_, text) in before.Where(f => !after.ContainsKey(f.Key)))
            Add(ChangeKind.Removed, path, where, "flows", text, null, $"{where}: flow removed: {text}");
        foreach (var (_, text) in after.Where(f => !before.ContainsKey(f.Key)))
            Add(ChangeKind.Added, path, where, "flows", null, text, $"{where}: flow added: {text}");
    }

    private static Dictionary<(string From, string To, string? When), string> FlowsOf(Procedure procedure)
    {
        var flows = new Dictionary<(string From, string To, string? When), string>();
        var name = (string id) => id is Start or Model.Step.End ? id : $"'{(procedure.FindStep(id) is { Name.Length: > 0 } s ? s.Name : id)}'";
        void Flow(string from, string to, string? when) =>
            flows.TryAdd((from, to, when), $"{name(from)} → {name(to)}{(when is null ? "" : $" (when {Quote(when)})")}");

        var steps = procedure.Steps;
        Flow(Start, steps.Count > 0 ? steps[0].Id : Model.Step.End, null);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Decision is { Branches.Count: > 0 } decision)
            {
                foreach (var branch in decision.Branches) Flow(step.Id, Target(procedure, branch.Goto), Normal(branch.When));
                continue;
            }

            Flow(step.Id, Target(procedure, procedure.NextOf(i)), null);
        }

        return flows;
    }

    private static string Target(Procedure procedure, string id) => procedure.FindStep(id) is null ? Model.Step.End : id;
}
