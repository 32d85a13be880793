namespace Plumb.Handbook.Review;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Gap;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>Builds the review workbook's content from a handbook; every renderer shows the same content.</summary>
public static partial class ReviewWorkbookBuilder
{
    /// <summary>The workbook of the whole handbook.</summary>
    public static ReviewWorkbook Build(Handbook handbook)
    {
        ArgumentNullException.ThrowIfNull(handbook);
        return new ReviewWorkbook(
            string.IsNullOrWhiteSpace(handbook.Name) ? "Process review workbook" : $"{handbook.Name}: process review workbook",
            handbook.Description,
            [.. handbook.Processes.Select(p => Process(handbook, p))],
            [.. handbook.Processes.SelectMany(p => p.Procedures.Select(x => Raci(handbook, p, x)))],
            Coverage(handbook),
            DataFlows(handbook),
            Findings(handbook));
    }

    private static ProcessReview Process(Handbook handbook, Process process) => new(
        process.Id,
        process.Name,
        process.Owner is { } owner ? Location.RoleName(handbook, owner) : "",
        Words.Of(Words.ProcessStatuses, process.Status),
        process.Version,
        process.Mission ?? "",
        process.Purpose ?? "",
        process.Scope ?? "",
        process.Objectives,
        process.Principles,
        [.. process.Csfs.Select(c => $"{c.Text} ({c.Id})")],
        process.Triggers,
        [.. process.Drivers.Select(id => handbook.Drivers.Find(d => d.Id == id) is { } d ? $"{d.Text} ({id})" : id)],
        [.. process.PainPoints.Select(id => handbook.PainPoints.Find(d => d.Id == id) is { } d ? $"{d.Text} ({id})" : id)],
        [.. process.Inputs.Select(f => Flow(handbook, f, true))],
        [.. process.Outputs.Select(f => Flow(handbook, f, false))],
        [.. process.Kpis.Select(k => new KpiRow(k.Name, k.Definition ?? "", k.Measure ?? "", GapRun.Target(k),
            process.Csfs.Find(c => c.Id == k.Csf)?.Text ?? k.Csf ?? ""))],
        [.. process.Procedures.Select(p => Procedure(handbook, process, p))]);

    private static string Flow(Handbook handbook, DataFlow flow, bool input) =>
        Location.Flow(handbook, flow, input) + (string.IsNullOrWhiteSpace(flow.Note) ? "" : $": {flow.Note}");

    private static ProcedureReview Procedure(Handbook handbook, Process process, Procedure procedure) => new(
        procedure.Id,
        procedure.Name,
        procedure.Purpose ?? "",
        procedure.Trigger ?? "",
        procedure.Outcome ?? "",
        [.. procedure.Steps.Select((s, i) => Step(handbook, process, procedure, s, i + 1))]);

    private static StepReviewRow Step(Handbook handbook, Process process, Procedure procedure, Step step, int number)
    {
        var findings = step.Findings;
        var inPlace = step.Review?.RoleInPlace
            ?? (step.Raci.Responsible.Count == 0 ? null : step.Raci.Responsible.All(r => handbook.FindRole(r)?.InPlace ?? false));
        return new StepReviewRow(
            number,
            step.Name,
            YesNo(step.Review?.Necessary),
            YesNo(step.Review?.Efficient),
            Location.RoleNames(handbook, step.Raci.Responsible),
            YesNo(inPlace),
            string.Join("; ", step.Inputs.Select(f => Party(handbook, process, procedure, f, "from"))),
            string.Join("; ", step.Outputs.Select(f => Party(handbook, process, procedure, f, "to"))),
            string.Join("; ", findings.Select(f => $"{f.Id}: {f.Text}")),
            string.Join("; ", findings.Where(f => !string.IsNullOrWhiteSpace(f.PlannedUpdate))
                .Select(f => $"{f.Id}: {f.PlannedUpdate} ({Words.Of(Words.FindingStatuses, f.Status)})")));
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };

    private static string Party(Handbook handbook, Process process, Procedure procedure, DataFlow flow, string word)
    {
        var record = handbook.FindRecord(flow.Record)?.Name ?? flow.Record;
        return flow.Party is null ? record : $"{record} {word} {PartyName(handbook, process, procedure, flow.Party)}";
    }

    /// <summary>The party of a flow in words: a step, procedure, process or role name.</summary>
    internal static string PartyName(Handbook handbook, Process process, Procedure? procedure, string party)
    {
        var reference = References.Reference.Resolve(handbook, party, process, procedure);
        return reference.Kind switch
        {
            References.ReferenceKind.Step when reference.Procedure == procedure => $"step '{reference.Step!.Name}'",
            References.ReferenceKind.Step => $"step '{reference.Step!.Name}' ({reference.Process!.Name})",
            References.ReferenceKind.Procedure => $"procedure '{reference.Procedure!.Name}' ({reference.Process!.Name})",
            References.ReferenceKind.Process => reference.Process!.Name,
            References.ReferenceKind.Role => reference.Role!.Name,
            _ => party,
        };
    }
}
