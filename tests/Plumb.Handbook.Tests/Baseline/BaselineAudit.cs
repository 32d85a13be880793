namespace Plumb.Handbook.Tests.Baseline;

using System.Text.RegularExpressions;
using Plumb.Handbook.Model;
using Plumb.Handbook.References;

/// <summary>
/// Our own reading of the obvious handbook rules, applied to the baseline so it stays clean whatever lint rules exist:
/// references resolve, RACI is complete, steps are reachable and instructed, KPIs have targets and CSFs.
/// </summary>
internal static partial class BaselineAudit
{
    public static List<string> Problems(Handbook handbook)
    {
        var problems = new List<string>();
        foreach (var process in handbook.Processes)
        {
            var where = $"process '{process.Id}'";
            if (process.Owner is null || handbook.FindRole(process.Owner) is null) problems.Add($"{where}: owner '{process.Owner}' is not a role");
            foreach (var id in process.Drivers.Where(d => handbook.Drivers.All(x => x.Id != d))) problems.Add($"{where}: unknown driver {id}");
            foreach (var id in process.PainPoints.Where(d => handbook.PainPoints.All(x => x.Id != d))) problems.Add($"{where}: unknown pain point {id}");
            foreach (var flow in process.Inputs.Concat(process.Outputs)) Flow(handbook, process, null, flow, where, problems);
            foreach (var kpi in process.Kpis) Kpi(process, kpi, where, problems);
            foreach (var csf in process.Csfs.Where(c => process.Kpis.All(k => k.Csf != c.Id))) problems.Add($"{where}: CSF '{csf.Id}' has no KPI");
            foreach (var procedure in process.Procedures) Procedure(handbook, process, procedure, problems);
        }

        return problems;
    }

    private static void Kpi(Process process, Kpi kpi, string where, List<string> problems)
    {
        if (kpi.Target is null) problems.Add($"{where}: KPI '{kpi.Id}' has no target");
        if (kpi.Csf is null || process.Csfs.All(c => c.Id != kpi.Csf)) problems.Add($"{where}: KPI '{kpi.Id}' names no CSF of the process");
        if (string.IsNullOrWhiteSpace(kpi.Measure)) problems.Add($"{where}: KPI '{kpi.Id}' has no measure");
        if (string.IsNullOrWhiteSpace(kpi.Definition) || string.IsNullOrWhiteSpace(kpi.Unit)) problems.Add($"{where}: KPI '{kpi.Id}' lacks definition or unit");
        foreach (Match m in StepTarget().Matches(kpi.Measure ?? ""))
        {
            var id = m.Groups[1].Value;
            if (!process.Procedures.Any(p => p.FindStep(id) is not null)) problems.Add($"{where}: KPI '{kpi.Id}' measures step '{id}' the process lacks");
        }
    }

    private static void Procedure(Handbook handbook, Process process, Procedure procedure, List<string> problems)
    {
        foreach (var step in procedure.Steps)
        {
            var where = $"step '{process.Id}/{procedure.Id}/{step.Id}'";
            if (string.IsNullOrWhiteSpace(step.Instruction)) problems.Add($"{where}: no instruction");
            if (step.Raci.Accountable.Count != 1) problems.Add($"{where}: {step.Raci.Accountable.Count} accountable roles");
            if (step.Raci.Responsible.Count == 0) problems.Add($"{where}: nobody responsible");
            foreach (var (role, letter) in step.Raci.Assignments().Where(a => handbook.FindRole(a.Role) is null)) problems.Add($"{where}: {letter} '{role}' unknown");
            foreach (var flow in step.Inputs.Concat(step.Outputs)) Flow(handbook, process, procedure, flow, where, problems);
            if (step.Tool is null || step.Tool.Table is null) problems.Add($"{where}: no tool mapping");
            if (step.Next is { } next) Target(handbook, process, procedure, next, where, problems);
            foreach (var branch in step.Decision?.Branches ?? []) Target(handbook, process, procedure, branch.Goto, where, problems);
            if (step.Call is { } call)
            {
                var target = Reference.Resolve(handbook, call, process, procedure);
                if (target.Kind != ReferenceKind.Procedure) problems.Add($"{where}: call '{call}' is not a procedure");
            }
        }

        var reached = Reachable(procedure);
        foreach (var step in procedure.Steps.Where(s => !reached.Contains(s.Id))) problems.Add($"step '{process.Id}/{procedure.Id}/{step.Id}': unreachable");
    }

    private static void Target(Handbook handbook, Process process, Procedure procedure, string target, string where, List<string> problems)
    {
        var reference = Reference.Resolve(handbook, target, process, procedure);
        if (reference.Kind is not (ReferenceKind.Step or ReferenceKind.End) || (reference.Step is not null && reference.Procedure != procedure))
        {
            problems.Add($"{where}: next/goto '{target}' is not a step of the procedure");
        }
    }

    private static void Flow(Handbook handbook, Process process, Procedure? procedure, DataFlow flow, string where, List<string> problems)
    {
        if (handbook.FindRecord(flow.Record) is null) problems.Add($"{where}: record '{flow.Record}' unknown");
        if (flow.Party is { } party && !Reference.Resolve(handbook, party, process, procedure).IsResolved) problems.Add($"{where}: party '{party}' unresolved");
    }

    /// <summary>The ids of the steps reachable from the first step.</summary>
    public static HashSet<string> Reachable(Procedure procedure)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<int>();
        if (procedure.Steps.Count > 0) todo.Push(0);
        while (todo.Count > 0)
        {
            var i = todo.Pop();
            var step = procedure.Steps[i];
            if (!seen.Add(step.Id)) continue;
            IEnumerable<string> next = step.Decision is { } d ? d.Branches.Select(b => b.Goto)
                : step.Next is { } n ? [n]
                : i + 1 < procedure.Steps.Count ? [procedure.Steps[i + 1].Id] : [];
            foreach (var id in next)
            {
                var index = procedure.Steps.FindIndex(s => s.Id == id);
                if (index >= 0) todo.Push(index);
            }
        }

        return seen;
    }

    [GeneratedRegex(@"step:([A-Za-z0-9_.\-]+)")]
    private static partial Regex StepTarget();
}
