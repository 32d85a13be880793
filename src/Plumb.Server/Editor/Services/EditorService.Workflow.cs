namespace Plumb.Server.Editor.Services;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Server.Storage;
using Plumb.Server.Workflow;

/// <summary>Workflow (submit, approve, send back) of the editor's proposals, feedback turned into findings, and presence.</summary>
public sealed partial class EditorService
{
    /// <summary>How long an editor counts as present after their last sign of life.</summary>
    public static readonly TimeSpan PresenceWindow = TimeSpan.FromSeconds(30);

    /// <summary>Submits the caller's proposal on a document for review; returns a problem when there is none to submit.</summary>
    public async Task<string?> SubmitAsync(string document, string user, string? comment, CancellationToken cancellationToken)
    {
        var proposal = await proposals.OpenProposalAsync(user, document, cancellationToken);
        if (proposal is null) return $"you have no proposal on '{document}'; save a change before submitting";

        // A reviewer is not asked to review what the check already knows is wrong (https://plumb.dev/issues/20).
        if (proposal.Find(document) is { Content: { } yaml } && Documents.FromYaml(document, yaml) is { } json)
        {
            var errors = (await LintAsync(document, json, cancellationToken)).Where(d => d.Severity == Plumb.Handbook.Diagnostics.Severity.Error).ToList();
            if (errors.Count > 0)
                return $"the check finds {errors.Count} error(s) in your proposal; fix them before submitting: {string.Join("; ", errors.Select(e => e.Message))}";
        }

        return await proposals.SubmitAsync(proposal.Id, user, comment, cancellationToken);
    }

    /// <summary>
    /// Approves (merging it into the head) or sends back a proposal on a document: the one named, else the oldest waiting for review.
    /// </summary>
    public async Task<(ApprovalResult? Approval, string? Problem)> ReviewAsync(
        string document, long? proposalId, string owner, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var waiting = (await store.ListProposalsAsync(document, openOnly: true, cancellationToken))
            .Where(p => p.State is ProposalState.InReview or ProposalState.Stale).ToList();
        var proposal = proposalId is { } id ? waiting.FirstOrDefault(p => p.Id == id) : waiting.FirstOrDefault();
        if (proposal is null) return (null, proposalId is null ? $"no proposal on '{document}' is in review" : $"proposal {proposalId} is not in review");
        if (!approve) return (null, await proposals.SendBackAsync(proposal.Id, owner, comment, cancellationToken));
        var approval = await proposals.ApproveAsync(proposal.Id, owner, comment, cancellationToken);
        return (approval, approval.Problem);
    }

    /// <summary>Records a reader's remark on a step of the handbook as readers see it.</summary>
    public async Task<(Feedback? Feedback, string? Problem)> AddFeedbackAsync(
        string processId, string procedureId, string stepId, string author, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "the feedback is empty");
        var handbook = (await handbooks.GetCurrentAsync(cancellationToken)).Handbook;
        if (handbook.FindProcess(processId)?.FindProcedure(procedureId)?.FindStep(stepId) is null)
            return (null, $"there is no published step '{processId}/{procedureId}/{stepId}'");
        var feedback = new Feedback(0, processId, procedureId, stepId, author, text.Trim(), time.GetUtcNow(), null, null, null);
        return (await store.AddFeedbackAsync(feedback, cancellationToken), null);
    }

    /// <summary>Answers feedback; when <paramref name="finding"/> is set, it is added to the step in the editor's draft.</summary>
    public async Task<string?> AnswerFeedbackAsync(
        string processId, long feedbackId, string editor, string answer, Finding? finding, CancellationToken cancellationToken)
    {
        var feedback = (await store.ListFeedbackAsync(processId, cancellationToken)).FirstOrDefault(f => f.Id == feedbackId);
        if (feedback is null) return $"there is no feedback {feedbackId} on process '{processId}'";
        string? findingId = null;
        if (finding is not null)
        {
            var document = Documents.Process(processId);
            var copy = await ReadWorkingCopyAsync(document, editor, cancellationToken);
            if (copy is null) return $"there is no process '{processId}'";
            var process = Documents.ReadProcess(copy.Content);
            var procedureIndex = process.Procedures.FindIndex(p => p.Id == feedback.Procedure);
            var stepIndex = procedureIndex < 0 ? -1 : process.Procedures[procedureIndex].Steps.FindIndex(s => s.Id == feedback.Step);
            if (stepIndex < 0) return $"step '{feedback.Step}' is no longer in the process";
            finding.Id = string.IsNullOrWhiteSpace(finding.Id) ? await NextFindingIdAsync(process, cancellationToken) : finding.Id;
            if (string.IsNullOrWhiteSpace(finding.Text)) finding.Text = feedback.Text;
            var patch = new JsonPatch("add", $"procedures[{procedureIndex}].steps[{stepIndex}].findings",
                JsonSerializer.SerializeToNode(finding, HandbookJson.Compact));
            var (_, problem) = await PatchAsync(document, editor, [patch], cancellationToken);
            if (problem is not null) return problem;
            findingId = finding.Id;

            // Saved at once into the editor's proposal, so discarding a draft never loses it (https://plumb.dev/issues/20).
            var saved = await SaveAsync(document, editor, $"Finding {finding.Id} from reader feedback", null, cancellationToken);
            if (!saved.Saved)
            {
                await store.AnswerFeedbackAsync(feedbackId, answer.Trim(), editor, findingId, cancellationToken);
                return $"finding {finding.Id} is in your draft but not yet in your proposal: "
                    + (saved.Problem ?? "the process changed meanwhile; save the draft in the forms and settle the conflicts");
            }
        }

        return await store.AnswerFeedbackAsync(feedbackId, answer.Trim(), editor, findingId, cancellationToken)
            ? null : $"there is no feedback {feedbackId}";
    }

    /// <summary>Marks the editor as present on a document and lists every editor present now.</summary>
    public async Task<IReadOnlyList<Presence>> PresenceAsync(string document, string user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.TouchPresenceAsync(new Presence(document, user, now), cancellationToken);
        return await store.ListPresenceAsync(document, now - PresenceWindow, cancellationToken);
    }

    // One sequence (F-001, F-002 …) over the whole handbook, and an id once given is never given again: besides the findings of
    // the head and the draft, every id ever recorded against reader feedback and every finding of an open proposal counts.
    private async Task<string> NextFindingIdAsync(Process draft, CancellationToken cancellationToken)
    {
        var handbook = await HandbookAsync(cancellationToken);
        handbook.Processes.RemoveAll(p => p.Id == draft.Id);
        handbook.Processes.Add(draft);
        var ids = handbook.Processes.SelectMany(FindingIds).ToList();
        foreach (var process in handbook.Processes)
            ids.AddRange((await store.ListFeedbackAsync(process.Id, cancellationToken)).Select(f => f.FindingId).OfType<string>());
        foreach (var proposal in await store.ListProposalsAsync(null, openOnly: true, cancellationToken))
        {
            foreach (var proposed in proposal.Documents.Where(d => Documents.ProcessId(d.Path) is not null && d.Content is not null))
            {
                if (Documents.FromYaml(proposed.Path, proposed.Content!) is { } json) ids.AddRange(FindingIds(Documents.ReadProcess(json)));
            }
        }

        var numbers = ids.Select(id => id.StartsWith("F-", StringComparison.Ordinal) && int.TryParse(id[2..], CultureInfo.InvariantCulture, out var n) ? n : 0);
        return $"F-{numbers.DefaultIfEmpty(0).Max() + 1:000}";
    }

    private static IEnumerable<string> FindingIds(Process p) =>
        p.Findings.Concat(p.Procedures.SelectMany(q => q.Findings.Concat(q.Steps.SelectMany(s => s.Findings)))).Select(f => f.Id);

    internal static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, HandbookJson.Compact);
}
