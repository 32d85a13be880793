namespace Plumb.Handbook.Diff;

using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

internal sealed partial class DiffRun
{
    private void Step(string path, Process process, Procedure procedure, Step a, Step b)
    {
        var where = Location.Of(process, procedure, b);
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "kind", "kind", Words.Of(Words.StepKinds, a.Kind), Words.Of(Words.StepKinds, b.Kind));
        Items(path, where, "activities", "activity", a.Activities, b.Activities);
        Text(path, where, "instruction", "instruction", a.Instruction, b.Instruction);
        Roles(path, where, "responsible", a.Raci.Responsible, b.Raci.Responsible);
        Roles(path, where, "accountable", a.Raci.Accountable, b.Raci.Accountable);
        Roles(path, where, "consulted", a.Raci.Consulted, b.Raci.Consulted);
        Roles(path, where, "informed", a.Raci.Informed, b.Raci.Informed);
        Items(path, where, "inputs", "input", Flows(old, a.Inputs, true), Flows(@new, b.Inputs, true));
        Items(path, where, "outputs", "output", Flows(old, a.Outputs, false), Flows(@new, b.Outputs, false));
        Text(path, where, "next", "next step", Next(procedure, a), Next(procedure, b));
        Text(path, where, "decision", "decision", Decision(a.Decision), Decision(b.Decision));
        Text(path, where, "join", "join", Words.Of(Words.JoinKinds, a.Join), Words.Of(Words.JoinKinds, b.Join));
        Text(path, where, "call", "call", a.Call, b.Call);
        Text(path, where, "tool", "tool mapping", Tool(a.Tool), Tool(b.Tool));
        Text(path, where, "review.necessary", "necessary", Verdict(a.Review?.Necessary), Verdict(b.Review?.Necessary));
        Text(path, where, "review.efficient", "efficient", Verdict(a.Review?.Efficient), Verdict(b.Review?.Efficient));
        Text(path, where, "review.roleInPlace", "role in place", Verdict(a.Review?.RoleInPlace), Verdict(b.Review?.RoleInPlace));
        Text(path, where, "review.notes", "review notes", a.Review?.Notes, b.Review?.Notes);
        Findings(path, where, a.Findings, b.Findings);
    }

    // An explicit next only; the implied "next in the list" is covered by the reordering of steps.
    private static string? Next(Procedure procedure, Step step) => step.Decision is null ? step.Next : null;

    private static string? Decision(Decision? decision) => decision is null
        ? null
        : $"{decision.Question} [{string.Join("; ", decision.Branches.Select(b => b.When is null ? b.Goto : $"{b.When} -> {b.Goto}"))}]";

    private static string? Tool(ToolMapping? tool)
    {
        if (tool is null) return null;
        var parts = new List<string>();
        if (tool.Table is { } table) parts.Add(tool.States.Count == 0 ? table : $"{table}.{tool.EffectiveField} in ({string.Join(", ", tool.States)})");
        if (tool.Groups.Count > 0) parts.Add($"groups {string.Join(", ", tool.Groups)}");
        if (tool.Activities.Count > 0) parts.Add($"activities {string.Join(", ", tool.Activities)}");
        if (!tool.Observable) parts.Add("not observable");
        if (tool.When is { } when) parts.Add($"when {when.Attribute} in ({string.Join(", ", when.Values)})");
        return string.Join("; ", parts);
    }

    private static string? Verdict(bool? value) => value switch { true => "yes", false => "no", null => null };
}
