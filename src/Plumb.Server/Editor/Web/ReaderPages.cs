namespace Plumb.Server.Editor.Web;

using Microsoft.AspNetCore.Antiforgery;
using Plumb.Server.Accounts;
using Plumb.Server.Editor.Services;
using Plumb.Server.Portal;
using Plumb.Server.Storage;

/// <summary>
/// What readers reach: a published step with a form to say "this is not how we do it", in the portal's frame (no link sends a
/// reader to the editor's sign-in). The form is posted without script and answered with the page again (post, redirect, get).
/// </summary>
internal static class ReaderPages
{
    private const string Path = "/feedback/{process}/{procedure}/{step}";

    /// <summary>Maps the page and its form; returns both, for the host's reader conventions, and the form, for its feedback limits.</summary>
    public static (RouteHandlerBuilder Page, RouteHandlerBuilder Form) Map(IEndpointRouteBuilder app) =>
        (app.MapGet(Path, StepAsync), app.MapPost(Path, SendAsync).DisableAntiforgery());

    private static async Task<IResult> StepAsync(string process, string procedure, string step, bool? sent, HttpContext http, IPlumbStore store,
        CancellationToken cancellationToken) =>
        await PageAsync(http, store, process, procedure, step, sent == true, null, cancellationToken);

    private static async Task<IResult> SendAsync(string process, string procedure, string step, HttpContext http, IAntiforgery antiforgery,
        EditorService editor, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return await PageAsync(http, editor.Store, process, procedure, step, false, "the form expired; please send it again", cancellationToken);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var author = http.User.Identity?.IsAuthenticated == true ? PlumbClaims.Actor(http.User) : "anonymous reader";
        // A step the reader may not see is no step for them: the same answer as a step that is not there.
        var (_, problem) = Handbooks.ReaderView.CanSee(await editor.HandbookAsync(cancellationToken), process, http.User)
            ? await editor.AddFeedbackAsync(process, procedure, step, author, form["text"].ToString(), cancellationToken)
            : (null, "there is no such published step");
        if (problem is not null) return await PageAsync(http, editor.Store, process, procedure, step, false, problem, cancellationToken);
        return Results.Redirect($"{Handbooks.Links.StepFeedback(process, procedure, step)}?sent=true#tell");
    }

    private static async Task<IResult> PageAsync(HttpContext http, IPlumbStore store, string process, string procedure, string step, bool sent,
        string? error, CancellationToken cancellationToken)
    {
        var token = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";
        var answers = await store.ListAnswersAsync(process, procedure, step, cancellationToken);
        return await PortalEndpoints.RenderAsync(http, (r, p) => r.StepFeedback(p, process, procedure, step, token, sent, error), cancellationToken,
            useCache: false, answers: answers, formToken: true);
    }
}
