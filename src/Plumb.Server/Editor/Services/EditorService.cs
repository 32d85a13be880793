namespace Plumb.Server.Editor.Services;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Merge;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Workflow;

/// <summary>
/// The editor as a user interface of the server's one history: drafts autosaved per editor, saves that go into the
/// editor's proposal (rebased onto the head, merged field by field with anything saved meanwhile), and lint of the working
/// copy in the context of the whole handbook. The editor keeps no versions of its own.
/// </summary>
public sealed partial class EditorService(IPlumbStore store, HandbookService handbooks, ProposalService proposals, TimeProvider time)
{
    /// <summary>The store behind the service.</summary>
    public IPlumbStore Store => store;

    /// <summary>The workflow the editor's proposals go through.</summary>
    public ProposalService Proposals => proposals;

    /// <summary>The handbook as it stands: the head of the history, which is what readers see.</summary>
    public async Task<Handbook> HandbookAsync(CancellationToken cancellationToken) =>
        Copy((await handbooks.GetCurrentAsync(cancellationToken)).Handbook);

    /// <summary>The editor's working copy of a document, with its lint: their draft, else their open proposal, else the head.</summary>
    public async Task<WorkingCopy?> WorkingCopyAsync(string document, string user, CancellationToken cancellationToken) =>
        await ReadWorkingCopyAsync(document, user, cancellationToken) is { } copy
            ? copy with { Diagnostics = await LintAsync(document, copy.Content, cancellationToken) }
            : null;

    /// <summary>
    /// The editor's working copy without its lint (<see cref="WorkingCopy.Diagnostics"/> empty): for the autosave path and
    /// the readers of its content, which would otherwise lint the whole handbook on every read.
    /// </summary>
    public async Task<WorkingCopy?> ReadWorkingCopyAsync(string document, string user, CancellationToken cancellationToken)
    {
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        var proposal = await proposals.OpenProposalAsync(user, document, cancellationToken);
        var draft = await store.GetDraftAsync(document, user, cancellationToken);
        string? content;
        long baseNumber;
        if (draft is not null) (content, baseNumber) = (draft.Content, draft.BaseVersion);
        else if (proposal?.Find(document) is { Content: { } proposed }) (content, baseNumber) = (Documents.FromYaml(document, proposed), proposal.BaseVersion);
        else if (head.FindDocument(document) is { } stored) (content, baseNumber) = (Documents.FromYaml(document, stored.Content), head.Version.Number);
        else return null;
        if (content is null) return null;
        return new WorkingCopy(document, content, baseNumber, head.Version.Number, draft is not null, proposal, []);
    }

    /// <summary>Applies form changes to the editor's draft (autosave); returns the new working copy or a problem naming the field.</summary>
    public async Task<(WorkingCopy? Copy, string? Problem)> PatchAsync(
        string document, string user, IReadOnlyList<JsonPatch> patches, CancellationToken cancellationToken)
    {
        // Two saves of one user (two tabs, or a save slower than the autosave delay) must not lose a field: each write is based on
        // the draft it read and lands only if the draft is still that one; otherwise the patches are applied again to the newer
        // draft, which merges them, since a patch names the fields it sets (https://plumb.dev/issues/20).
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var based = (await store.GetDraftAsync(document, user, cancellationToken))?.Content;
            var copy = await ReadWorkingCopyAsync(document, user, cancellationToken);
            if (copy is null) return (null, $"there is no document '{document}'");
            var tree = Documents.Tree(copy.Content);
            foreach (var patch in patches)
            {
                if (patch.ApplyTo(tree) is { } problem) return (null, problem);
            }

            string content;
            try
            {
                content = Documents.Normalise(document, tree.ToJsonString());
            }
            catch (System.Text.Json.JsonException e)
            {
                return (null, $"{e.Path?.TrimStart('$', '.') ?? "a field"} has a value of the wrong kind");
            }

            if (!await store.ReplaceDraftAsync(new Draft(document, user, copy.BaseNumber, content, time.GetUtcNow()), based, cancellationToken)) continue;
            return (copy with { Content = content, IsDraft = true, Diagnostics = await LintAsync(document, content, cancellationToken) }, null);
        }

        return (null, "the draft kept changing while it was saved; save again");
    }

    /// <summary>Drops the editor's draft, going back to their proposal or the head.</summary>
    public Task DiscardAsync(string document, string user, CancellationToken cancellationToken) =>
        store.DeleteDraftAsync(document, user, cancellationToken);

    /// <summary>
    /// Saves the editor's draft into their proposal, on the head as it stands: the draft is written into the YAML it was made
    /// on (so the text it did not change stays), and when the document changed since, both edits are merged field by field;
    /// conflicts come back (and nothing is written) until each has a resolution.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(
        string document, string user, string message, IReadOnlyList<MergeResolution>? resolutions, CancellationToken cancellationToken)
    {
        var draft = await store.GetDraftAsync(document, user, cancellationToken);
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        var proposal = await proposals.OpenProposalAsync(user, document, cancellationToken);
        // Saving a proposal left behind by the head (sent back or stale) without changing it moves it onto the head.
        if (draft is null && proposal is not null && proposal.BaseVersion != head.Version.Number && proposal.Find(document) is { Content: { } text }
            && Documents.FromYaml(document, text) is { } json)
            draft = new Draft(document, user, proposal.BaseVersion, json, time.GetUtcNow());
        if (draft is null) return new SaveOutcome(null, [], "there is nothing to save");
        var baseline = draft.BaseVersion == head.Version.Number ? head : await handbooks.GetVersionAsync(draft.BaseVersion, cancellationToken);
        var baseText = baseline?.FindDocument(document)?.Content;
        // The draft was made on the proposal's text when the proposal stood on the draft's base; that text keeps its layout.
        var startText = proposal is not null && proposal.BaseVersion == draft.BaseVersion && proposal.Find(document) is { Content: { } own } ? own : baseText;
        var mine = Documents.ToYaml(document, draft.Content, startText);
        var merge = DocumentMerge.Merge(document, baseText, mine, head.FindDocument(document)?.Content, resolutions);
        if (merge.Problem is { } problem) return new SaveOutcome(null, [], problem);
        if (merge.Conflicts.Count > 0) return new SaveOutcome(null, merge.Conflicts);
        var title = string.IsNullOrWhiteSpace(message) ? proposal?.Title ?? $"Changed {Name(document, draft.Content)}" : message.Trim();
        var saved = await proposals.ProposeAsync(proposal?.Id, user, head.Version.Number, title, [new ProposedDocument(document, merge.Content)],
            cancellationToken);
        if (saved is null) return new SaveOutcome(null, [], "the proposal was approved meanwhile; reload and save again");
        await store.DeleteDraftAsync(document, user, cancellationToken);
        return new SaveOutcome(saved, []);
    }

    /// <summary>Lint of a document's content, checked against the rest of the handbook as it stands.</summary>
    public async Task<IReadOnlyList<Diagnostic>> LintAsync(string document, string content, CancellationToken cancellationToken)
    {
        var handbook = await HandbookAsync(cancellationToken);
        string file;
        if (Documents.ProcessId(document) is { } processId)
        {
            var process = Documents.ReadProcess(content);
            handbook.Processes.RemoveAll(p => p.Id == processId);
            handbook.Processes.Add(process);
            file = HandbookFolder.ProcessDocument(processId);
        }
        else
        {
            var own = Documents.ReadHandbook(content);
            own.Processes = handbook.Processes;
            handbook = own;
            file = HandbookFolder.HandbookFile;
        }

        return [.. Linter.Check(handbook).Where(d => d.Document == file)];
    }

    private static string Name(string document, string content) =>
        Documents.ProcessId(document) is not null ? $"process {Documents.ReadProcess(content).Id}" : "the handbook";

    // Snapshots are shared between requests; the editor works on its own copy of the lists.
    private static Handbook Copy(Handbook handbook)
    {
        var copy = Documents.ReadHandbook(Documents.HandbookContent(handbook));
        copy.Processes = [.. handbook.Processes];
        return copy;
    }
}
