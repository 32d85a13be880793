namespace Plumb.Server.Workflow;

using System.Text.Json;
using Plumb.Server.Editor.Services;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>
/// Brings what the editor kept in its own tables (before it became part of the server's store) into the one history, once,
/// on start: work that was not published becomes a proposal on the head (its change since the editor's published version,
/// merged into the head as it stands, so nothing pushed meanwhile is reverted), drafts stay drafts, and reader feedback
/// moves with its answers. The old tables are kept, renamed <c>*_imported</c>.
/// </summary>
public sealed class EditorImport(IPlumbStore store, HandbookService handbooks, TimeProvider time, ILogger<EditorImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = await store.TakeLegacyEditorDataAsync(cancellationToken);
        if (data is null) return;
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        var proposals = 0;
        foreach (var versions in data.Versions.GroupBy(v => v.Document))
        {
            var path = PathOf(versions.Key);
            if (path is null) continue;
            var newest = versions.MaxBy(v => v.Number)!;
            if (newest.State == "Published") continue; // approvals were published into the server's history already
            var published = versions.Where(v => v.State == "Published").MaxBy(v => v.Number);
            var theirs = head.FindDocument(path)?.Content;
            var baseText = published is null ? null : Documents.ToYaml(path, published.Content, theirs);
            var mine = Documents.ToYaml(path, newest.Content, baseText ?? theirs);
            var merge = DocumentMerge.Merge(path, baseText ?? theirs, mine, theirs);
            var content = merge.IsClean ? merge.Content : mine;
            var at = time.GetUtcNow();
            var proposal = await store.CreateProposalAsync(newest.Author, head.Version.Number, newest.Message,
                [new ProposedDocument(path, content)], at, cancellationToken);
            var state = merge.IsClean ? newest.State switch
            {
                "InReview" => ProposalState.InReview,
                "SentBack" => ProposalState.SentBack,
                _ => ProposalState.Draft,
            } : ProposalState.SentBack;
            var conflicts = merge.Conflicts.Select(c => new ProposalConflict(path, c.Path, c.Where, c.Base, c.Mine, c.Theirs))
                .Concat(merge.Problem is { } problem ? [new ProposalConflict(path, "", problem, null, null, null)] : []).ToList();
            if (state != ProposalState.Draft)
            {
                var comment = merge.IsClean ? newest.Comment
                    : $"imported from the editor: conflicts with version {head.Version.Number}: {string.Join("; ", conflicts.Select(c => c.Where))}";
                await store.TransitionProposalAsync(proposal.Id, [ProposalState.Draft], state, newest.ReviewedBy ?? newest.Author, comment,
                    conflicts.Count == 0 ? null : JsonSerializer.Serialize(conflicts, ProposalConflict.Web), at, cancellationToken);
            }

            proposals++;
        }

        var drafts = 0;
        foreach (var draft in data.Drafts)
        {
            if (PathOf(draft.Document) is not { } path || await store.GetDraftAsync(path, draft.User, cancellationToken) is not null) continue;
            await store.SaveDraftAsync(new Draft(path, draft.User, head.Version.Number, draft.Content, time.GetUtcNow()), cancellationToken);
            drafts++;
        }

        foreach (var feedback in data.Feedback)
        {
            var added = await store.AddFeedbackAsync(feedback, cancellationToken);
            if (feedback.Answer is { } answer) await store.AnswerFeedbackAsync(added.Id, answer, feedback.AnsweredBy ?? "", feedback.FindingId, cancellationToken);
        }

        logger.LogInformation("Imported the editor's former tables: {Proposals} proposal(s), {Drafts} draft(s), {Feedback} feedback",
            proposals, drafts, data.Feedback.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The editor named documents "handbook" and "process:ID"; the store names them by path.
    internal static string? PathOf(string legacy) =>
        legacy == "handbook" ? Documents.Handbook
        : legacy.StartsWith("process:", StringComparison.Ordinal) && DocumentSet.IsValidId(legacy[8..]) ? Documents.Process(legacy[8..]) : null;

}
