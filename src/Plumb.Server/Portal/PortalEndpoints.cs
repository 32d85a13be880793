namespace Plumb.Server.Portal;

using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;

/// <summary>The portal's addresses. Pages without a query are cached per version and audience (<see cref="PageCache"/>), since a version never changes.</summary>
public static class PortalEndpoints
{
    public static void MapPortal(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("").RequireAuthorization(PlumbClaims.ReaderPolicy).ExcludeFromDescription();
        portal.MapGet("/", (HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Home(p), ct));
        portal.MapGet("/roles", (HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Roles(p), ct));
        portal.MapGet("/processes/{id}", (string id, string? source, HttpContext http, CancellationToken ct) =>
            RenderAsync(http, (r, p) => r.Process(p with { Source = source }, id), ct));
        portal.MapGet("/processes/{id}/procedures/{pid}", (string id, string pid, HttpContext http, CancellationToken ct) =>
            RenderAsync(http, (r, p) => r.Procedure(p, id, pid), ct));
        portal.MapGet("/processes/{id}/procedures/{pid}/steps/{sid}", async (string id, string pid, string sid, HttpContext http, IPlumbStore store,
            CancellationToken ct) => await RenderAsync(http, (r, p) => r.Step(p, id, pid, sid), ct, answers: await store.ListAnswersAsync(id, pid, sid, ct)));
        portal.MapGet("/processes/{id}/procedures/{pid}/diagram.bpmn", Bpmn);
        portal.MapGet("/roles/{id}", (string id, HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Role(p, id), ct));
        portal.MapGet("/raci", (HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Raci(p), ct));
        portal.MapGet("/search", (string? q, HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Search(p, q), ct, q));
        portal.MapGet("/findings", (string? status, HttpContext http, CancellationToken ct) => RenderAsync(http, (r, p) => r.Findings(p, status), ct));
        app.MapGet("/assets/{name}", Asset).AllowAnonymous().ExcludeFromDescription();
        app.MapSignIn();
        app.MapReports();
        app.MapFallback((HttpContext http, CancellationToken ct) => http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                ? Task.FromResult(Results.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound))
                : RenderAsync(http, (_, _) => PortalRenderer.NotFound("There is no page at this address."), ct, useCache: false))
            .RequireAuthorization(PlumbClaims.ReaderPolicy).ExcludeFromDescription();
    }

    /// <summary>A page made for this request alone (sign-in, editor and admin pages) in the one frame, with the handbook's name and version.</summary>
    internal static Task<IResult> RenderPageAsync(HttpContext http, PortalPage page, CancellationToken cancellationToken) =>
        RenderAsync(http, (_, _) => page, cancellationToken, useCache: false);

    internal static async Task<IResult> RenderAsync(HttpContext http, Func<PortalRenderer, PageRequest, PortalPage> render, CancellationToken cancellationToken,
        string? searchText = null, bool useCache = true, IReadOnlyList<Feedback>? answers = null, bool formToken = false)
    {
        var services = http.RequestServices;
        var snapshot = await services.GetRequiredService<HandbookService>().GetCurrentAsync(cancellationToken);
        var renderer = services.GetRequiredService<PortalRenderer>();
        var site = PortalSite.Live(http.Request.Path);
        var cache = services.GetRequiredService<PageCache>();
        var version = snapshot.Version.Number;
        // Results change pages as much as versions do: the cache is keyed by both (PageCache.Stamp).
        var results = services.GetRequiredService<Plumb.Server.Alignment.ResultsBoard>().Current;
        var stamp = PageCache.Stamp(version, results.Generation);
        var cacheable = useCache && !http.Request.QueryString.HasValue;
        var audience = ReaderView.AudienceKey(http.User);
        // An answer to feedback changes a step's page within a version; answers are only ever added, so their count tells the pages apart.
        var variant = answers is null ? "" : $"|answers {answers.Count}";
        var pageKey = $"page|{http.Request.Path}|{audience}{variant}";
        var anonymous = http.User.Identity?.IsAuthenticated != true;
        var bytesKey = $"bytes|{http.Request.Path}|{audience}{variant}";
        http.Response.Headers.CacheControl = "no-cache";
        if (anonymous && cacheable && cache.TryGet(stamp, bytesKey, out byte[] cached)) return Results.Bytes(cached, "text/html; charset=utf-8");
        if (!cacheable || !cache.TryGet(stamp, pageKey, out PortalPage page))
        {
            page = render(renderer, new PageRequest(snapshot, http.User, site) { Answers = answers ?? [], Results = results });
            // Only pages that exist are kept: a 404 for a made-up address is cheap to render again and must not fill memory.
            if (cacheable && page.Status == StatusCodes.Status200OK) cache.Add(stamp, pageKey, page, (page.Title.Length + page.Body.Length) * 2L);
        }

        var reports = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Plumb.Server.Hosting.PlumbServerOptions>>().Value.Reports is { Length: > 0 };
        var visitor = await VisitorAsync(http, withToken: formToken && !cacheable, cancellationToken);
        if (anonymous && cacheable && page.Status == StatusCodes.Status200OK)
        {
            // Anonymous readers all get the same bytes for a page of a version, so the whole response is cached.
            var bytes = Encoding.UTF8.GetBytes(Layout.Render(page, snapshot.Handbook.Name, version, site, visitor, searchText, reports));
            cache.Add(stamp, bytesKey, bytes, bytes.Length);
            return Results.Bytes(bytes, "text/html; charset=utf-8");
        }

        var html = Layout.Render(page, snapshot.Handbook.Name, version, site, visitor, searchText, reports);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: page.Status);
    }

    // Owners are told in the header of every page how many proposals wait for their review (https://plumb.dev/issues/20). A page made
    // for one request that asks for it carries the anti-forgery token even for a reader who is not signed in (their feedback form, for the
    // scripts of the API's clients); a cached page never does, and a "not found" page makes no token.
    private static async Task<Visitor> VisitorAsync(HttpContext http, bool withToken, CancellationToken cancellationToken)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            if (!withToken) return new Visitor(null, null, null, true);
            var own = antiforgery.GetAndStoreTokens(http);
            return new Visitor(null, null, own.RequestToken, true) { CsrfHeader = own.HeaderName };
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var waiting = 0;
        if (PlumbClaims.HasRole(http.User, AccountRole.Owner))
        {
            waiting = await http.RequestServices.GetRequiredService<IPlumbStore>().CountProposalsAsync(Workflow.ProposalService.Reviewable, cancellationToken);
        }

        return new Visitor(http.User.Identity.Name, PlumbClaims.Role(http.User) is { } role ? SqlStore.RoleWord(role) : null, tokens.RequestToken, true)
        {
            CsrfHeader = tokens.HeaderName,
            CanEdit = PlumbClaims.HasRole(http.User, AccountRole.Editor),
            InReview = waiting,
        };
    }

    // The procedure's BPMN 2.0 file, for Camunda Modeler, Signavio or bpmn.io: the model the portal's diagram draws.
    private static async Task<IResult> Bpmn(string id, string pid, HttpContext http, CancellationToken cancellationToken)
    {
        var snapshot = await http.RequestServices.GetRequiredService<HandbookService>().GetCurrentAsync(cancellationToken);
        var process = ReaderView.CanSee(snapshot.Handbook, id, http.User) ? snapshot.Handbook.FindProcess(id) : null;
        if (process?.FindProcedure(pid) is not { } procedure) return Results.NotFound();
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(ProcedureDiagrams.Bpmn(snapshot, process, procedure), "application/xml; charset=utf-8", ProcedureDiagrams.FileName(process, procedure));
    }

    private static IResult Asset(string name, HttpContext http)
    {
        var stream = typeof(PortalEndpoints).Assembly.GetManifestResourceStream("assets/" + name);
        if (stream is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".js" => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}
