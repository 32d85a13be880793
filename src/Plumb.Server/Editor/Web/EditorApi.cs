namespace Plumb.Server.Editor.Web;

using System.Text.Json.Nodes;
using Plumb.Handbook.Json;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Merge;
using Plumb.Server.Accounts;
using Plumb.Server.Editor.Services;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>
/// The editor's JSON API: working copies, autosave, save into the caller's proposal (with merge), review, history and measure
/// checks. A document is named by its path in the handbook (<c>handbook.yaml</c>, <c>processes/ID.yaml</c>), escaped in the address.
/// </summary>
internal static class EditorApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync).WithName("EditorListDocuments")
            .WithSummary("The documents of the handbook (handbook.yaml and each process) with the version that last changed each and open proposals.");
        api.MapGet("/documents/{document}/working", WorkingAsync).WithName("EditorGetWorkingCopy")
            .WithSummary("The caller's working copy of a document (their draft, else their proposal, else the head) with its lint.");
        api.MapPatch("/documents/{document}/draft", PatchAsync).WithName("EditorPatchDraft")
            .WithSummary("Applies form changes to the caller's draft (autosave) and returns the working copy with its lint.");
        api.MapDelete("/documents/{document}/draft", DiscardAsync).WithName("EditorDiscardDraft")
            .WithSummary("Drops the caller's draft, going back to their proposal or the head.");
        api.MapPost("/documents/{document}/save", SaveAsync).WithName("EditorSaveVersion")
            .WithSummary("Saves the caller's draft into their proposal on the head; 409 lists the conflicts, field by field, with a version saved meanwhile.");
        api.MapPost("/documents/{document}/submit", SubmitAsync).WithName("EditorSubmitForReview")
            .WithSummary("Submits the caller's proposal on a document for review by an owner.");
        api.MapPost("/documents/{document}/review", ReviewAsync).RequireAuthorization(PlumbClaims.OwnerPolicy).WithName("EditorReviewVersion")
            .WithSummary("An owner approves a proposal in review (merging it into the head as a new version) or sends it back with a comment; "
                + "a conflict with the head sends it back with the conflicting fields (409).");
        api.MapGet("/documents/{document}/history", HistoryAsync).WithName("EditorGetHistory")
            .WithSummary("The versions that changed a document, newest first, and the proposals on it with their state and review comments.");
        api.MapGet("/documents/{document}/versions/{number:long}", VersionAsync).WithName("EditorGetVersion")
            .WithSummary("A document as one version of the handbook holds it.");
        api.MapGet("/documents/{document}/presence", PresenceAsync).WithName("EditorPresence")
            .WithSummary("Marks the caller as present on a document and lists the other editors present.");
        api.MapPost("/markdown", (MarkdownRequest request) => Json(new { html = Portal.MarkdownRenderer.ToHtml(request.Text) }))
            .WithName("EditorRenderMarkdown")
            .WithSummary("A work instruction's Markdown as the portal renders it (raw HTML shown as text, unsafe links emptied), for the workshop.");
        api.MapGet("/measure", (string? text) => Measure(text)).WithName("EditorCheckMeasure")
            .WithSummary("Checks a KPI measure as it is typed: whether it parses, and where it goes wrong.");
    }

    // The path of a document arrives escaped in one segment (processes%2Fincident.yaml); ids never hold '%', so unescaping is safe.
    internal static string Path(string document) => Uri.UnescapeDataString(document);

    internal static IResult Json(object value, int status = 200) => Results.Json(value, HandbookJson.Compact, statusCode: status);

    // RFC 9457 problem details, the shape the server's API answers with too; the text a person reads is in "detail".
    internal static IResult Problem(string problem, int status = 400) => Results.Problem(title: status switch
    {
        404 => "Not found.",
        409 => "The request conflicts with the document as it stands.",
        _ => "The request cannot be carried out.",
    }, detail: problem, statusCode: status);

    private static async Task<IResult> ListAsync(HandbookService handbooks, IPlumbStore store, CancellationToken cancellationToken)
    {
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        var open = await store.ListProposalsAsync(null, openOnly: true, cancellationToken);
        var list = head.Documents.Select(d => new
        {
            document = d.Path,
            name = Documents.ProcessId(d.Path) is { } id ? head.Handbook.FindProcess(id)?.Name ?? id : head.Handbook.Name,
            changedIn = d.ChangedIn,
            proposals = open.Where(p => p.Find(d.Path) is not null).Select(p => ProposalDto.From(p)).ToList(),
        });
        return Json(list);
    }

    private static async Task<IResult> WorkingAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var copy = await editor.WorkingCopyAsync(Path(document), PlumbClaims.Actor(context.User), cancellationToken);
        return copy is null ? Problem($"there is no document '{Path(document)}'", 404) : Json(Dto(copy));
    }

    internal static WorkingCopyDto Dto(WorkingCopy copy) => new(copy.Document, JsonNode.Parse(copy.Content)!, copy.BaseNumber, copy.HeadNumber,
        copy.IsDraft, copy.Proposal is { } p ? ProposalDto.From(p) : null, [.. copy.Diagnostics.Select(DiagnosticDto.From)]);

    private static async Task<IResult> PatchAsync(
        string document, List<JsonPatch> patches, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var (copy, problem) = await editor.PatchAsync(Path(document), PlumbClaims.Actor(context.User), patches, cancellationToken);
        return copy is null ? Problem(problem!) : Json(Dto(copy));
    }

    private static async Task<IResult> DiscardAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        await editor.DiscardAsync(Path(document), PlumbClaims.Actor(context.User), cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> SaveAsync(
        string document, SaveRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var resolutions = new List<MergeResolution>();
        foreach (var r in request.Resolutions ?? [])
        {
            if (!Enum.TryParse<MergeChoice>(r.Choice, ignoreCase: true, out var choice))
                return Problem($"resolution of '{r.Path}': '{r.Choice}' is not one of mine, theirs, both, custom");
            resolutions.Add(new MergeResolution(r.Path, choice, r.Text));
        }

        var outcome = await editor.SaveAsync(Path(document), PlumbClaims.Actor(context.User), request.Message ?? "", resolutions, cancellationToken);
        if (outcome.Problem is { } problem) return Problem(problem, 409);
        return outcome.Proposal is { } proposal
            ? Json(ProposalDto.From(proposal))
            : Json(new { problem = "the document changed meanwhile; settle each conflict", conflicts = outcome.Conflicts.Select(ConflictDto.From) }, 409);
    }

    private static async Task<IResult> SubmitAsync(
        string document, CommentRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var problem = await editor.SubmitAsync(Path(document), PlumbClaims.Actor(context.User), request.Comment, cancellationToken);
        return problem is null ? Results.NoContent() : Problem(problem, 409);
    }

    private static async Task<IResult> ReviewAsync(
        string document, ReviewRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var (approval, problem) = await editor.ReviewAsync(Path(document), request.Proposal, PlumbClaims.Actor(context.User), request.Approve, request.Comment,
            cancellationToken);
        if (approval?.Saved is { } saved) return Json(new { version = saved.Version.Number });
        if (approval is { Conflicts.Count: > 0 }) return Json(new { problem, conflicts = approval.Conflicts }, 409);
        return problem is null ? Results.NoContent() : Problem(problem, approval is { Violations.Count: > 0 } ? 422 : 409);
    }

    private static async Task<IResult> HistoryAsync(string document, IPlumbStore store, CancellationToken cancellationToken)
    {
        var path = Path(document);
        var versions = await store.ListDocumentVersionsAsync(path, cancellationToken);
        var proposals = await store.ListProposalsAsync(path, openOnly: false, cancellationToken);
        return Json(new { versions = versions.Select(VersionDto.From), proposals = proposals.Select(p => ProposalDto.From(p)) });
    }

    private static async Task<IResult> VersionAsync(string document, long number, EditorService editor, CancellationToken cancellationToken) =>
        await editor.VersionContentAsync(Path(document), number, cancellationToken) is { } content
            ? Json(new { version = number, content = JsonNode.Parse(content) })
            : Problem($"'{Path(document)}' is not in version {number}", 404);

    private static async Task<IResult> PresenceAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var me = PlumbClaims.Actor(context.User);
        var present = await editor.PresenceAsync(Path(document), me, cancellationToken);
        return Json(new { me, others = present.Where(p => p.User != me).Select(p => p.User) });
    }

    private static IResult Measure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Json(new { ok = true, error = (string?)null, column = (int?)null });
        var result = MeasureParser.Parse(text);
        return Json(new { ok = result.Succeeded, error = result.Error, column = result.Column });
    }
}
