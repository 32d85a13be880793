namespace Plumb.Editor.Services;

using Plumb.Editor.Store;
using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Merge;
using Plumb.Handbook.Model;

/// <summary>
/// Editing a handbook in the store: drafts autosaved per editor, saves that become versions (merged field by field
/// with any version saved meanwhile), and lint of the working copy in the context of the whole handbook.
/// </summary>
public sealed partial class EditorService(IEditorStore store, TimeProvider time, IPublishedHandbook? published = null)
{
    /// <summary>Starts the editor's history from the published handbook when the editor's store is still empty.</summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (published is null || (await store.DocumentsAsync(cancellationToken)).Count > 0) return;
        if (await published.CurrentAsync(cancellationToken) is { } handbook) await SeedAsync(handbook, "plumb", cancellationToken);
    }

    /// <summary>The store behind the service.</summary>
    public IEditorStore Store => store;

    /// <summary>Stores every document of a handbook as a published first version, when the store holds none yet.</summary>
    public async Task<bool> SeedAsync(Handbook handbook, string author, CancellationToken cancellationToken)
    {
        if ((await store.DocumentsAsync(cancellationToken)).Count > 0) return false;
        var at = time.GetUtcNow();
        await store.AppendAsync(Documents.Handbook, 0, Documents.HandbookContent(handbook), author, at, "Imported", VersionState.Published,
            cancellationToken);
        foreach (var process in handbook.Processes)
        {
            await store.AppendAsync(Documents.Process(process.Id), 0, Documents.ProcessContent(process), author, at, "Imported",
                VersionState.Published, cancellationToken);
        }

        return true;
    }

    /// <summary>The handbook as readers see it (published versions only) or as editors see it (newest versions).</summary>
    public async Task<Handbook> HandbookAsync(bool publishedOnly, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        Handbook handbook = new();
        var processes = new List<Process>();
        foreach (var document in await store.DocumentsAsync(cancellationToken))
        {
            var version = publishedOnly ? await store.PublishedAsync(document, cancellationToken) : await store.HeadAsync(document, cancellationToken);
            if (version is null) continue;
            if (document == Documents.Handbook) handbook = Documents.ReadHandbook(version.Content);
            else processes.Add(WithState(Documents.ReadProcess(version.Content), version));
        }

        handbook.Processes = [.. processes.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        return handbook;
    }

    /// <summary>The editor's working copy of a document, with its lint.</summary>
    public async Task<WorkingCopy?> WorkingCopyAsync(string document, string user, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        var head = await store.HeadAsync(document, cancellationToken);
        if (head is null) return null;
        var draft = await store.DraftAsync(document, user, cancellationToken);
        var content = draft?.Content ?? head.Content;
        return new WorkingCopy(document, content, draft?.BaseNumber ?? head.Number, head.Number, draft is not null,
            await LintAsync(document, content, cancellationToken));
    }

    /// <summary>Applies form changes to the editor's draft (autosave); returns the new working copy or a problem naming the field.</summary>
    public async Task<(WorkingCopy? Copy, string? Problem)> PatchAsync(
        string document, string user, IReadOnlyList<JsonPatch> patches, CancellationToken cancellationToken)
    {
        var copy = await WorkingCopyAsync(document, user, cancellationToken);
        if (copy is null) return (null, $"there is no document '{document}'");
        var tree = Documents.Tree(copy.Content);
        foreach (var patch in patches)
        {
            if (patch.ApplyTo(tree) is { } problem) return (null, problem);
        }

        string content;
        try
        {
            content = Normalise(document, tree.ToJsonString());
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, $"{e.Path?.TrimStart('$', '.') ?? "a field"} has a value of the wrong kind");
        }

        await store.SaveDraftAsync(new Draft(document, user, copy.BaseNumber, content, time.GetUtcNow()), cancellationToken);
        return (copy with { Content = content, IsDraft = true, Diagnostics = await LintAsync(document, content, cancellationToken) }, null);
    }

    /// <summary>Drops the editor's draft, going back to the newest version.</summary>
    public Task DiscardAsync(string document, string user, CancellationToken cancellationToken) =>
        store.DeleteDraftAsync(document, user, cancellationToken);

    /// <summary>
    /// Saves the editor's draft as a new version. When someone saved meanwhile, both edits are merged field by field;
    /// conflicts come back (and nothing is written) until each has a resolution.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(
        string document, string user, string message, IReadOnlyList<MergeResolution>? resolutions, CancellationToken cancellationToken)
    {
        var draft = await store.DraftAsync(document, user, cancellationToken);
        if (draft is null) return new SaveOutcome(null, [], "there is nothing to save");
        var head = await store.HeadAsync(document, cancellationToken);
        if (head is null) return new SaveOutcome(null, [], $"there is no document '{document}'");
        var content = draft.Content;
        if (head.Number != draft.BaseNumber)
        {
            var baseline = await store.VersionAsync(document, draft.BaseNumber, cancellationToken);
            var (merged, conflicts) = Merge(document, baseline!.Content, draft.Content, head.Content, resolutions ?? []);
            var unresolved = conflicts.Where(c => resolutions?.Any(r => r.Path == c.Path) != true).ToList();
            if (unresolved.Count > 0) return new SaveOutcome(null, conflicts);
            content = merged;
        }

        var version = await store.AppendAsync(document, head.Number, content, user, time.GetUtcNow(),
            string.IsNullOrWhiteSpace(message) ? "Saved" : message.Trim(), VersionState.Draft, cancellationToken);
        if (version is null) return await SaveAsync(document, user, message, resolutions, cancellationToken); // lost a race: merge again
        await store.DeleteDraftAsync(document, user, cancellationToken);
        return new SaveOutcome(version, []);
    }

    private static (string Content, IReadOnlyList<MergeConflict> Conflicts) Merge(
        string document, string baseline, string mine, string theirs, IReadOnlyList<MergeResolution> resolutions)
    {
        if (document == Documents.Handbook)
        {
            var result = HandbookMerge.Merge(Documents.ReadHandbook(baseline), Documents.ReadHandbook(mine), Documents.ReadHandbook(theirs));
            return (Documents.HandbookContent(HandbookMerge.Resolve(result, resolutions)), result.Conflicts);
        }

        var process = HandbookMerge.Merge(Documents.ReadProcess(baseline), Documents.ReadProcess(mine), Documents.ReadProcess(theirs));
        return (Documents.ProcessContent(HandbookMerge.Resolve(process, resolutions)), process.Conflicts);
    }

    private static string Normalise(string document, string json) => document == Documents.Handbook
        ? Documents.HandbookContent(Documents.ReadHandbook(json))
        : Documents.ProcessContent(Documents.ReadProcess(json));

    /// <summary>Lint of a document's content, checked against the rest of the handbook as it stands.</summary>
    public async Task<IReadOnlyList<Diagnostic>> LintAsync(string document, string content, CancellationToken cancellationToken)
    {
        var handbook = await HandbookAsync(publishedOnly: false, cancellationToken);
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

    private static Process WithState(Process process, DocumentVersion version)
    {
        process.Status = version.State switch
        {
            VersionState.Published => ProcessStatus.Published,
            VersionState.InReview => ProcessStatus.InReview,
            _ => ProcessStatus.Draft,
        };
        return process;
    }
}
