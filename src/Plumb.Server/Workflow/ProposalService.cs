namespace Plumb.Server.Workflow;

using System.Text.Json;
using Plumb.Handbook.Diagnostics;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>A field of a proposal that conflicts with the head, as a sent-back proposal lists it.</summary>
public sealed record ProposalConflict(string Document, string Path, string Where, string? Base, string? Mine, string? Theirs)
{
    public static IReadOnlyList<ProposalConflict> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ProposalConflict>>(json, Web) ?? [];

    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

/// <summary>What approving gave: the version it made, or why it did not (a problem, the conflicts it was sent back with, lint errors).</summary>
public sealed record ApprovalResult(Snapshot? Saved, string? Problem, IReadOnlyList<ProposalConflict> Conflicts, IReadOnlyList<Diagnostic> Violations)
{
    public bool Approved => Saved is not null;
}

/// <summary>
/// The review workflow on top of the one history: a proposal is a change to documents on a base version; approving it
/// merges it into the head as it stands then (three-way, document by document), and a real conflict sends it back with the
/// conflicting fields. Nothing here writes a document the proposal did not change, and nothing is overwritten.
/// </summary>
public sealed class ProposalService(IPlumbStore store, HandbookService handbooks, TimeProvider time)
{
    private static readonly ProposalState[] Submittable = [ProposalState.Draft, ProposalState.SentBack, ProposalState.Stale];
    /// <summary>The states in which a proposal waits for an owner's review.</summary>
    public static readonly IReadOnlyList<ProposalState> Reviewable = [ProposalState.InReview, ProposalState.Stale];

    public IPlumbStore Store => store;

    /// <summary>The open proposal of <paramref name="author"/> that changes <paramref name="path"/>, if any.</summary>
    public async Task<Proposal?> OpenProposalAsync(string author, string path, CancellationToken cancellationToken) =>
        (await store.ListProposalsAsync(path, openOnly: true, cancellationToken)).LastOrDefault(p => p.Author == author);

    /// <summary>Starts a proposal, or replaces the documents of an open one, on <paramref name="baseVersion"/>.</summary>
    public async Task<Proposal?> ProposeAsync(long? id, string author, long baseVersion, string title, IReadOnlyList<ProposedDocument> documents,
        CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        if (id is not { } existing) return await store.CreateProposalAsync(author, baseVersion, title, documents, at, cancellationToken);
        return await store.UpdateProposalAsync(existing, baseVersion, title, documents, author, at, cancellationToken)
            ? await store.GetProposalAsync(existing, cancellationToken) : null;
    }

    /// <summary>Submits a proposal for review; returns a problem when it is not the author's to submit or not in a state to be.</summary>
    public async Task<string?> SubmitAsync(long id, string actor, string? comment, CancellationToken cancellationToken)
    {
        var proposal = await store.GetProposalAsync(id, cancellationToken);
        if (proposal is null) return $"there is no proposal {id}";
        if (!Submittable.Contains(proposal.State)) return $"proposal {id} is {Word(proposal.State)}; save a change before submitting";
        return await store.TransitionProposalAsync(id, Submittable, ProposalState.InReview, actor, comment, proposal.Conflicts, time.GetUtcNow(),
            cancellationToken) ? null : "the proposal changed meanwhile; reload and try again";
    }

    /// <summary>Sends a proposal in review back to its author with a comment.</summary>
    public async Task<string?> SendBackAsync(long id, string owner, string? comment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(comment)) return "say why it goes back: the comment is empty";
        var proposal = await store.GetProposalAsync(id, cancellationToken);
        if (proposal is null) return $"there is no proposal {id}";
        if (!Reviewable.Contains(proposal.State)) return $"proposal {id} is {Word(proposal.State)}, not in review";
        return await store.TransitionProposalAsync(id, Reviewable, ProposalState.SentBack, owner, comment.Trim(), null, time.GetUtcNow(), cancellationToken)
            ? null : "the proposal changed meanwhile; reload and try again";
    }

    /// <summary>
    /// Approves a proposal: each of its documents is merged with the head (its base → its text, into the head's text) and the
    /// result saved as a new version, approved in the same transaction. Conflicts send it back, listing the fields.
    /// </summary>
    public async Task<ApprovalResult> ApproveAsync(long id, string owner, string? comment, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var proposal = await store.GetProposalAsync(id, cancellationToken);
            if (proposal is null) return new ApprovalResult(null, $"there is no proposal {id}", [], []);
            if (!Reviewable.Contains(proposal.State)) return new ApprovalResult(null, $"proposal {id} is {Word(proposal.State)}, not in review", [], []);
            var head = await handbooks.GetCurrentAsync(cancellationToken);
            var baseline = proposal.BaseVersion == 0 ? null : await handbooks.GetVersionAsync(proposal.BaseVersion, cancellationToken);
            var documents = new Dictionary<string, string>(head.DocumentMap(), StringComparer.Ordinal);
            var conflicts = new List<ProposalConflict>();
            foreach (var document in proposal.Documents)
            {
                var merge = DocumentMerge.Merge(document.Path, baseline?.FindDocument(document.Path)?.Content, document.Content,
                    head.FindDocument(document.Path)?.Content);
                if (merge.Problem is { } problem) conflicts.Add(new ProposalConflict(document.Path, "", problem, null, null, null));
                conflicts.AddRange(merge.Conflicts.Select(c => new ProposalConflict(document.Path, c.Path, c.Where, c.Base, c.Mine, c.Theirs)));
                if (!merge.IsClean) continue;
                if (merge.Content is null) documents.Remove(document.Path);
                else documents[document.Path] = merge.Content;
            }

            if (conflicts.Count > 0)
            {
                var note = $"conflicts with version {head.Version.Number}: " + string.Join("; ", conflicts.Select(c => c.Where));
                await store.TransitionProposalAsync(id, Reviewable, ProposalState.SentBack, owner, comment is null ? note : $"{comment.Trim()} ({note})",
                    JsonSerializer.Serialize(conflicts, ProposalConflict.Web), time.GetUtcNow(), cancellationToken);
                return new ApprovalResult(null, $"proposal {id} was sent back: it {note}", conflicts, []);
            }

            var message = $"{proposal.Title} (proposal {id}, approved by {owner})";
            var saved = await handbooks.SaveAsync(new NewVersion(head.Version.Number, documents, proposal.Author, time.GetUtcNow(), message,
                "approve-proposal", id, owner, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), cancellationToken);
            if (saved.Saved is { } snapshot) return new ApprovalResult(snapshot, null, [], []);
            if (saved.ProposalMoved) return new ApprovalResult(null, $"proposal {id} is no longer in review: someone decided on it first", [], []);
            if (!saved.IsConflict)
            {
                var problems = saved.Malformed.Concat(saved.Violations).ToList();
                return new ApprovalResult(null, "the merged handbook breaks rules: " + string.Join("; ", problems.Take(3).Select(d => d.Format())), [], problems);
            }

            // Another version was saved between reading the head and saving: merge again on the new head.
        }
    }

    /// <summary>True while a proposal waits for an owner's review (in review, or in review and left behind by a newer version).</summary>
    public static bool WaitsForReview(Proposal proposal) => Reviewable.Contains(proposal.State);

    /// <summary>The state as people say it.</summary>
    public static string Word(ProposalState state) => SqlStore.StateWord(state).Replace('-', ' ');
}
