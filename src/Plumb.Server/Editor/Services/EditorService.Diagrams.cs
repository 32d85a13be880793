namespace Plumb.Server.Editor.Services;

using System.Text.Json;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Import;
using Plumb.Server.Editor.Diff;

/// <summary>Diagrams of procedures: written and laid out by Plumb.Modelling for the modeler, and carried back into the procedure on save.</summary>
public sealed partial class EditorService
{
    /// <summary>A process as the user works on it (their draft, else their proposal, else the head) or as stored in one version.</summary>
    public async Task<Process?> ProcessAsync(string processId, long? version, string user, CancellationToken cancellationToken)
    {
        var document = Documents.Process(processId);
        var content = version is { } number
            ? await VersionContentAsync(document, number, cancellationToken)
            : (await ReadWorkingCopyAsync(document, user, cancellationToken))?.Content;
        return content is null ? null : Documents.ReadProcess(content);
    }

    /// <summary>A process as an open proposal holds it (what waits for review), or null when the proposal does not change the process.</summary>
    public async Task<Process?> ProposedProcessAsync(string processId, long proposalId, CancellationToken cancellationToken)
    {
        var document = Documents.Process(processId);
        var proposal = await store.GetProposalAsync(proposalId, cancellationToken);
        return proposal?.Find(document) is { Content: { } text } && Documents.FromYaml(document, text) is { } json ? Documents.ReadProcess(json) : null;
    }

    /// <summary>A document's JSON model as one version of the handbook holds it, or null.</summary>
    public async Task<string?> VersionContentAsync(string document, long version, CancellationToken cancellationToken) =>
        (await handbooks.GetVersionAsync(version, cancellationToken))?.FindDocument(document) is { } stored
            ? Documents.FromYaml(document, stored.Content) : null;

    /// <summary>The handbook the user works on, holding <paramref name="process"/> in place of its stored version.</summary>
    public async Task<Handbook> WorkingHandbookAsync(string user, Process process, CancellationToken cancellationToken)
    {
        var newest = await HandbookAsync(cancellationToken);
        var own = await ReadWorkingCopyAsync(Documents.Handbook, user, cancellationToken);
        var handbook = own is null ? newest : Documents.ReadHandbook(own.Content);
        handbook.Processes = [.. newest.Processes.Where(p => p.Id != process.Id), process];
        return handbook;
    }

    /// <summary>The BPMN XML of a procedure, laid out afresh, or null when the process or procedure is missing.</summary>
    public async Task<string?> DiagramAsync(string processId, string procedureId, long? version, string user, CancellationToken cancellationToken,
        long? proposal = null)
    {
        var process = proposal is { } id ? await ProposedProcessAsync(processId, id, cancellationToken) : await ProcessAsync(processId, version, user, cancellationToken);
        if (process?.FindProcedure(procedureId) is not { } procedure) return null;
        var handbook = await WorkingHandbookAsync(user, process, cancellationToken);
        return BpmnWriter.ToXml(ProcedureModeller.Model(handbook, process, [procedure]));
    }

    /// <summary>
    /// Carries a diagram saved in the modeler into the user's draft of the process: new tasks become steps, flows become next
    /// steps and decisions, lanes become responsible roles (lanes no role matches become roles in the handbook draft). An edit that
    /// would drop a decision, a branch or a step the user did not delete is refused, and nothing is saved; with
    /// <paramref name="preview"/> nothing is saved either, and the answer says what would change.
    /// </summary>
    public async Task<DiagramSave> SaveDiagramAsync(
        string processId, string procedureId, string xml, string user, bool preview, CancellationToken cancellationToken)
    {
        var process = await ProcessAsync(processId, null, user, cancellationToken);
        var index = process?.Procedures.FindIndex(p => p.Id == procedureId) ?? -1;
        if (process is null || index < 0) return new DiagramSave(null, [], $"there is no procedure '{processId}/{procedureId}'", 404);
        var read = BpmnReader.Read(xml, "diagram");
        if (!read.Succeeded)
        {
            var error = read.Diagnostics.FirstOrDefault(d => d.Severity == Plumb.Handbook.Diagnostics.Severity.Error);
            return new DiagramSave(null, [], $"the diagram cannot be read: {error?.Message}{(error?.At is { } at ? $" (line {at.Line})" : "")}", 400);
        }

        var handbook = await WorkingHandbookAsync(user, process, cancellationToken);
        var merge = ProcedureFromBpmn.Merge(handbook, process, process.Procedures[index], read.Definitions!);
        if (merge.Problem is { } problem) return new DiagramSave(null, [], problem, 400);
        if (merge.Refusals.Count > 0)
        {
            return new DiagramSave(null, merge.NotCarried, $"not saved: {string.Join("; ", merge.Refusals.Select(r => r.Reason))}", 422)
            {
                Refusals = merge.Refusals,
            };
        }

        if (preview) return new DiagramSave(null, merge.NotCarried, null, 200) { Changes = Preview(handbook, process, index, merge) };
        if (merge.NewRoles.Count > 0)
        {
            var roles = merge.NewRoles.Select(r => new JsonPatch("add", "roles", JsonSerializer.SerializeToNode(r, HandbookJson.Compact))).ToList();
            var (_, rolesProblem) = await PatchAsync(Documents.Handbook, user, roles, cancellationToken);
            if (rolesProblem is not null) return new DiagramSave(null, [], rolesProblem, 400);
        }

        var patch = new JsonPatch("set", $"procedures[{index}]", JsonSerializer.SerializeToNode(merge.Procedure, HandbookJson.Compact));
        var (copy, patchProblem) = await PatchAsync(Documents.Process(processId), user, [patch], cancellationToken);
        return new DiagramSave(copy, merge.NotCarried, patchProblem, 400);
    }

    // The working handbook beside a copy holding the merged procedure and the new roles, compared as the diff page compares versions.
    private static ProcedureDiff Preview(Handbook handbook, Process process, int index, ProcedureMerge merge)
    {
        var after = JsonSerializer.Deserialize<Handbook>(JsonSerializer.Serialize(handbook, HandbookJson.Compact), HandbookJson.Compact)!;
        after.Roles.AddRange(merge.NewRoles);
        after.FindProcess(process.Id)!.Procedures[index] = merge.Procedure;
        return ProcedureDiff.Between(handbook, after, process.Id, merge.Procedure.Id);
    }
}
