namespace Plumb.Editor.Services;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Editor.Store;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;

/// <summary>Workflow (submit, approve, send back), feedback turned into findings, and presence.</summary>
public sealed partial class EditorService
{
    /// <summary>How long an editor counts as present after their last sign of life.</summary>
    public static readonly TimeSpan PresenceWindow = TimeSpan.FromSeconds(30);

    /// <summary>Submits the newest version for review; returns a problem when it is not a draft.</summary>
    public async Task<string?> SubmitAsync(string document, string user, string? comment, CancellationToken cancellationToken)
    {
        var head = await store.HeadAsync(document, cancellationToken);
        if (head is null) return $"there is no document '{document}'";
        if (head.State is not (VersionState.Draft or VersionState.SentBack))
            return $"version {head.Number} is {Word(head.State)}; save a change before submitting";
        return await store.TransitionAsync(document, head.Number, head.State, VersionState.InReview, user, comment, cancellationToken)
            ? null : "the version changed meanwhile; reload and try again";
    }

    /// <summary>Publishes the version under review (approve) or sends it back with comments.</summary>
    public async Task<string?> ReviewAsync(string document, string owner, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var head = await store.HeadAsync(document, cancellationToken);
        if (head is null) return $"there is no document '{document}'";
        if (head.State != VersionState.InReview) return $"version {head.Number} is {Word(head.State)}, not in review";
        if (!approve && string.IsNullOrWhiteSpace(comment)) return "say why it goes back: the comment is empty";
        var to = approve ? VersionState.Published : VersionState.SentBack;
        if (approve && published is not null)
        {
            // Readers see the server's published history: the approved version goes there first, and only if it is accepted
            // does the editor mark it published.
            var handbook = await HandbookAsync(publishedOnly: true, cancellationToken);
            Compose(handbook, document, head.Content);
            var message = $"{document}: version {head.Number} approved by {owner}: {head.Message}";
            if (await published.PublishAsync(handbook, head.Author, message, cancellationToken) is { } refused) return refused;
        }

        return await store.TransitionAsync(document, head.Number, VersionState.InReview, to, owner, comment, cancellationToken)
            ? null : "the version changed meanwhile; reload and try again";
    }

    /// <summary>Records a reader's remark on a published step.</summary>
    public async Task<(Feedback? Feedback, string? Problem)> AddFeedbackAsync(
        string processId, string procedureId, string stepId, string author, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "the feedback is empty");
        var handbook = await HandbookAsync(publishedOnly: true, cancellationToken);
        if (handbook.FindProcess(processId)?.FindProcedure(procedureId)?.FindStep(stepId) is null)
            return (null, $"there is no published step '{processId}/{procedureId}/{stepId}'");
        var feedback = new Feedback(0, processId, procedureId, stepId, author, text.Trim(), time.GetUtcNow(), null, null, null);
        return (await store.AddFeedbackAsync(feedback, cancellationToken), null);
    }

    /// <summary>Answers feedback; when <paramref name="finding"/> is set, it is added to the step in the editor's draft.</summary>
    public async Task<string?> AnswerFeedbackAsync(
        string processId, long feedbackId, string editor, string answer, Finding? finding, CancellationToken cancellationToken)
    {
        var feedback = (await store.FeedbackAsync(processId, cancellationToken)).FirstOrDefault(f => f.Id == feedbackId);
        if (feedback is null) return $"there is no feedback {feedbackId} on process '{processId}'";
        string? findingId = null;
        if (finding is not null)
        {
            var document = Documents.Process(processId);
            var copy = await WorkingCopyAsync(document, editor, cancellationToken);
            var process = Documents.ReadProcess(copy!.Content);
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
        }

        return await store.AnswerFeedbackAsync(feedbackId, answer.Trim(), editor, findingId, cancellationToken)
            ? null : $"there is no feedback {feedbackId}";
    }

    /// <summary>Marks the editor as present on a document and lists every editor present now.</summary>
    public async Task<IReadOnlyList<Presence>> PresenceAsync(string document, string user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.TouchPresenceAsync(new Presence(document, user, now), cancellationToken);
        return await store.PresenceAsync(document, now - PresenceWindow, cancellationToken);
    }

    private async Task<string> NextFindingIdAsync(Process draft, CancellationToken cancellationToken)
    {
        var handbook = await HandbookAsync(publishedOnly: false, cancellationToken);
        handbook.Processes.RemoveAll(p => p.Id == draft.Id);
        handbook.Processes.Add(draft);
        var numbers = handbook.Processes
            .SelectMany(p => p.Findings.Concat(p.Procedures.SelectMany(q => q.Findings.Concat(q.Steps.SelectMany(s => s.Findings)))))
            .Select(f => f.Id.StartsWith("F-", StringComparison.Ordinal) && int.TryParse(f.Id[2..], CultureInfo.InvariantCulture, out var n) ? n : 0);
        return $"F-{numbers.DefaultIfEmpty(0).Max() + 1:000}";
    }

    private static void Compose(Handbook handbook, string document, string content)
    {
        if (Documents.ProcessId(document) is { } processId)
        {
            var process = Documents.ReadProcess(content);
            process.Status = ProcessStatus.Published;
            var at = handbook.Processes.FindIndex(p => p.Id == processId);
            if (at >= 0) handbook.Processes[at] = process;
            else handbook.Processes.Add(process);
            return;
        }

        var own = Documents.ReadHandbook(content);
        (handbook.Name, handbook.Description, handbook.Drivers, handbook.PainPoints, handbook.Roles, handbook.Records) =
            (own.Name, own.Description, own.Drivers, own.PainPoints, own.Roles, own.Records);
    }

    /// <summary>The workflow state as people say it.</summary>
    public static string Word(VersionState state) => state switch
    {
        VersionState.InReview => "in review",
        VersionState.SentBack => "sent back",
        _ => state.ToString().ToLowerInvariant(),
    };

    internal static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, HandbookJson.Compact);
}
