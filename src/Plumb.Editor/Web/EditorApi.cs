namespace Plumb.Editor.Web;

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plumb.Editor.Services;
using Plumb.Handbook.Json;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Merge;

/// <summary>The editor's JSON API: working copies, autosave, save with merge, workflow, history and measure checks.</summary>
internal static class EditorApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync).WithName("EditorListDocuments")
            .WithSummary("The documents the editor keeps (the handbook and each process) with their newest and published versions.");
        api.MapGet("/documents/{document}/working", WorkingAsync).WithName("EditorGetWorkingCopy")
            .WithSummary("The caller's working copy of a document (their draft, else the newest version) with its lint.");
        api.MapPatch("/documents/{document}/draft", PatchAsync).WithName("EditorPatchDraft")
            .WithSummary("Applies form changes to the caller's draft (autosave) and returns the working copy with its lint.");
        api.MapDelete("/documents/{document}/draft", DiscardAsync).WithName("EditorDiscardDraft")
            .WithSummary("Drops the caller's draft, going back to the newest version.");
        api.MapPost("/documents/{document}/save", SaveAsync).WithName("EditorSaveVersion")
            .WithSummary("Saves the caller's draft as a new version; 409 lists the conflicts, field by field, with a version saved meanwhile.");
        api.MapPost("/documents/{document}/submit", SubmitAsync).WithName("EditorSubmitForReview")
            .WithSummary("Submits the newest version for review by an owner.");
        api.MapPost("/documents/{document}/review", ReviewAsync).RequireAuthorization(EditorPolicies.Approve).WithName("EditorReviewVersion")
            .WithSummary("An owner approves the version in review (publishing it to readers) or sends it back with a comment.");
        api.MapGet("/documents/{document}/history", HistoryAsync).WithName("EditorGetHistory")
            .WithSummary("Every version of a document, newest first, with author, time, message, state and review comment.");
        api.MapGet("/documents/{document}/versions/{number:int}", VersionAsync).WithName("EditorGetVersion")
            .WithSummary("One stored version of a document with its content.");
        api.MapGet("/documents/{document}/presence", PresenceAsync).WithName("EditorPresence")
            .WithSummary("Marks the caller as present on a document and lists the other editors present.");
        api.MapGet("/measure", (string? text) => Measure(text)).WithName("EditorCheckMeasure")
            .WithSummary("Checks a KPI measure as it is typed: whether it parses, and where it goes wrong.");
    }

    internal static string User(HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    internal static IResult Json(object value, int status = 200) => Results.Json(value, HandbookJson.Compact, statusCode: status);

    // RFC 9457 problem details, the shape the server's API answers with too; the text a person reads is in "detail".
    internal static IResult Problem(string problem, int status = 400) => Results.Problem(title: status switch
    {
        404 => "Not found.",
        409 => "The request conflicts with the document as it stands.",
        _ => "The request cannot be carried out.",
    }, detail: problem, statusCode: status);

    private static async Task<IResult> ListAsync(EditorService editor, CancellationToken cancellationToken)
    {
        await editor.EnsureSeededAsync(cancellationToken);
        var list = new List<object>();
        foreach (var document in await editor.Store.DocumentsAsync(cancellationToken))
        {
            var head = (await editor.Store.HeadAsync(document, cancellationToken))!;
            var published = await editor.Store.PublishedAsync(document, cancellationToken);
            var name = Documents.ProcessId(document) is null ? Documents.ReadHandbook(head.Content).Name : Documents.ReadProcess(head.Content).Name;
            list.Add(new { document, name, head = VersionDto.From(head), published = published?.Number });
        }

        return Json(list);
    }

    private static async Task<IResult> WorkingAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        await editor.EnsureSeededAsync(cancellationToken);
        var copy = await editor.WorkingCopyAsync(document, User(context), cancellationToken);
        return copy is null ? Problem($"there is no document '{document}'", 404) : Json(Dto(copy));
    }

    internal static WorkingCopyDto Dto(WorkingCopy copy) => new(copy.Document, JsonNode.Parse(copy.Content)!, copy.BaseNumber, copy.HeadNumber,
        copy.IsDraft, [.. copy.Diagnostics.Select(DiagnosticDto.From)]);

    private static async Task<IResult> PatchAsync(
        string document, List<JsonPatch> patches, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var (copy, problem) = await editor.PatchAsync(document, User(context), patches, cancellationToken);
        return copy is null ? Problem(problem!) : Json(Dto(copy));
    }

    private static async Task<IResult> DiscardAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        await editor.DiscardAsync(document, User(context), cancellationToken);
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

        var outcome = await editor.SaveAsync(document, User(context), request.Message ?? "", resolutions, cancellationToken);
        if (outcome.Problem is { } problem) return Problem(problem);
        return outcome.Version is { } version
            ? Json(VersionDto.From(version))
            : Json(new { problem = "someone saved meanwhile; settle each conflict", conflicts = outcome.Conflicts.Select(ConflictDto.From) }, 409);
    }

    private static async Task<IResult> SubmitAsync(
        string document, CommentRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var problem = await editor.SubmitAsync(document, User(context), request.Comment, cancellationToken);
        return problem is null ? Results.NoContent() : Problem(problem, 409);
    }

    private static async Task<IResult> ReviewAsync(
        string document, ReviewRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var problem = await editor.ReviewAsync(document, User(context), request.Approve, request.Comment, cancellationToken);
        return problem is null ? Results.NoContent() : Problem(problem, 409);
    }

    private static async Task<IResult> HistoryAsync(string document, EditorService editor, CancellationToken cancellationToken) =>
        Json((await editor.Store.HistoryAsync(document, cancellationToken)).Select(VersionDto.From));

    private static async Task<IResult> VersionAsync(string document, int number, EditorService editor, CancellationToken cancellationToken) =>
        await editor.Store.VersionAsync(document, number, cancellationToken) is { } version
            ? Json(new { version = VersionDto.From(version), content = JsonNode.Parse(version.Content) })
            : Problem($"'{document}' has no version {number}", 404);

    private static async Task<IResult> PresenceAsync(string document, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var me = User(context);
        var present = await editor.PresenceAsync(document, me, cancellationToken);
        return Json(new { me, others = present.Where(p => p.User != me).Select(p => p.User) });
    }

    private static IResult Measure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Json(new { ok = true, error = (string?)null, column = (int?)null });
        var result = MeasureParser.Parse(text);
        return Json(new { ok = result.Succeeded, error = result.Error, column = result.Column });
    }
}
