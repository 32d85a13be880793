namespace Plumb.Server.Handbooks;

using Plumb.Handbook.Model;
using Plumb.Handbook.References;

/// <summary>A step with the process and procedure it belongs to.</summary>
public sealed record StepPlace(Process Process, Procedure Procedure, Step Step)
{
    public string Url => Links.Step(Process.Id, Procedure.Id, Step.Id);
}

/// <summary>A finding with the place it was recorded against.</summary>
public sealed record FindingPlace(Finding Finding, Process Process, Procedure? Procedure, Step? Step)
{
    public string Url => Step is not null ? Links.Step(Process.Id, Procedure!.Id, Step.Id)
        : Procedure is not null ? Links.Procedure(Process.Id, Procedure.Id) : Links.Process(Process.Id);

    public string Where => Step is not null ? $"{Process.Name} › {Procedure!.Name} › {Step.Name}"
        : Procedure is not null ? $"{Process.Name} › {Procedure.Name}" : Process.Name;
}

/// <summary>A data flow between two processes, as the landscape draws it.</summary>
public sealed record ProcessFlow(Process From, Process To, string Record);

/// <summary>Questions the portal and the API both ask of a handbook.</summary>
public static class HandbookQueries
{
    public static IEnumerable<StepPlace> Steps(IEnumerable<Process> processes) =>
        from process in processes from procedure in process.Procedures from step in procedure.Steps select new StepPlace(process, procedure, step);

    /// <summary>Every step where the role is R, A, C or I, with its letters in RACI order.</summary>
    public static IEnumerable<(StepPlace Place, string Letters)> Duties(IEnumerable<Process> processes, string roleId) =>
        from place in Steps(processes)
        let letters = string.Concat(place.Step.Raci.Assignments().Where(a => a.Role == roleId).Select(a => a.Letter).Distinct())
        where letters.Length > 0
        select (place, letters);

    /// <summary>Steps that produce a record a step needs: the party named when it is a step, else every step that outputs the record.</summary>
    public static IReadOnlyList<StepPlace> Producers(Handbook handbook, IEnumerable<Process> visible, StepPlace at, DataFlow input) =>
        Partners(handbook, visible, at, input, s => s.Outputs);

    /// <summary>Steps that consume a record a step hands on.</summary>
    public static IReadOnlyList<StepPlace> Consumers(Handbook handbook, IEnumerable<Process> visible, StepPlace at, DataFlow output) =>
        Partners(handbook, visible, at, output, s => s.Inputs);

    public static IEnumerable<FindingPlace> Findings(IEnumerable<Process> processes)
    {
        foreach (var process in processes)
        {
            foreach (var finding in process.Findings) yield return new FindingPlace(finding, process, null, null);
            foreach (var procedure in process.Procedures)
            {
                foreach (var finding in procedure.Findings) yield return new FindingPlace(finding, process, procedure, null);
                foreach (var step in procedure.Steps)
                {
                    foreach (var finding in step.Findings) yield return new FindingPlace(finding, process, procedure, step);
                }
            }
        }
    }

    /// <summary>Records passed between processes: from process outputs and inputs whose party is another process (or part of one).</summary>
    public static IReadOnlyList<ProcessFlow> Flows(Handbook handbook, IReadOnlyList<Process> processes)
    {
        var flows = new List<ProcessFlow>();
        var visible = processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            foreach (var (flow, outgoing) in process.Outputs.Select(f => (f, true)).Concat(process.Inputs.Select(f => (f, false))))
            {
                if (flow.Party is null) continue;
                var other = Reference.Resolve(handbook, flow.Party, process, null).Process;
                if (other is null || other == process || !visible.Contains(other.Id)) continue;
                var record = handbook.FindRecord(flow.Record)?.Name ?? flow.Record;
                var edge = outgoing ? new ProcessFlow(process, other, record) : new ProcessFlow(other, process, record);
                if (!flows.Any(f => f.From == edge.From && f.To == edge.To && f.Record == edge.Record)) flows.Add(edge);
            }
        }

        return flows;
    }

    private static List<StepPlace> Partners(Handbook handbook, IEnumerable<Process> visible, StepPlace at, DataFlow flow,
        Func<Step, List<DataFlow>> partnerFlows)
    {
        var all = Steps(visible).ToList();
        if (flow.Party is { } party)
        {
            var target = Reference.Resolve(handbook, party, at.Process, at.Procedure);
            if (target.Kind == ReferenceKind.Step) return all.Where(p => p.Step == target.Step).ToList();
            if (target.Kind == ReferenceKind.Role) return []; // a party outside the flow, such as the caller, hands it over
            if (target.Kind is ReferenceKind.Procedure or ReferenceKind.Process)
            {
                return all.Where(p => (target.Procedure is null ? p.Process == target.Process : p.Procedure == target.Procedure)
                    && partnerFlows(p.Step).Any(f => f.Record == flow.Record)).ToList();
            }
        }

        return all.Where(p => p.Step != at.Step && partnerFlows(p.Step).Any(f => f.Record == flow.Record)).ToList();
    }
}
