namespace Plumb.Server.Editor.Web;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Editor.Services;
using Plumb.Server.Workflow;

/// <summary>Registers the editor's services and maps its pages, API and assets.</summary>
public static class EditorEndpoints
{
    /// <summary>The tag of the editor's endpoints in the OpenAPI document.</summary>
    public const string Tag = "Editor";

    /// <summary>Adds the workflow and the editor on top of the server's store and history.</summary>
    public static IServiceCollection AddPlumbEditor(this IServiceCollection services)
    {
        services.AddSingleton<ProposalService>();
        services.AddSingleton<EditorService>();
        services.AddHostedService<EditorImport>();
        return services;
    }

    /// <summary>
    /// Maps <c>/editor/...</c> pages, <c>/api/editor/...</c>, reader feedback and the bundled scripts. The host adds its own
    /// conventions to what readers reach: <paramref name="readers"/> to the reader pages and the feedback endpoint (who may
    /// read), <paramref name="feedback"/> to the anonymous feedback endpoint (rate limit, body size).
    /// </summary>
    public static IEndpointRouteBuilder MapPlumbEditor(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder>? readers = null,
        Action<IEndpointConventionBuilder>? feedback = null)
    {
        var api = app.MapGroup("/api/editor").RequireAuthorization(PlumbClaims.EditorPolicy).WithTags(Tag)
            .AddEndpointFilter(async (context, next) => await RefuseForgeryAsync(context.HttpContext) ?? await next(context));
        EditorApi.Map(api);
        ProcedureApi.Map(api);
        FeedbackApi.MapEditors(api);
        var readerFeedback = FeedbackApi.MapReaders(app);
        readers?.Invoke(readerFeedback);
        feedback?.Invoke(readerFeedback);

        // Pages and assets are HTML and files for browsers, not part of the API the OpenAPI document describes.
        var pages = app.MapGroup("/editor").RequireAuthorization(PlumbClaims.EditorPolicy).ExcludeFromDescription();
        EditorPages.Map(pages);
        var files = app.MapGroup("").ExcludeFromDescription();
        var (readerPage, readerForm) = ReaderPages.Map(files);
        readers?.Invoke(readerPage);
        readers?.Invoke(readerForm);
        feedback?.Invoke(readerForm);
        EditorAssets.Map(files);
        return app;
    }

    /// <summary>
    /// A write made with the browser's sign-in cookie must carry the anti-forgery token of an editor page in the anti-forgery header,
    /// as the server's API asks; a request signed in by its Authorization header (a valid API token) is no forgery,
    /// since no other site can make a browser send one. Any other Authorization value proves nothing and skips nothing:
    /// the server reads no cookie when the header is there, so such a request is anonymous and is checked like any other.
    /// Returns the refusal, or null when the request may go on.
    /// </summary>
    internal static async Task<IResult?> RefuseForgeryAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)) return null;
        if (http.Request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated == true) return null;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (await antiforgery.IsRequestValidAsync(http)) return null;
        var header = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        return EditorApi.Problem($"missing or wrong anti-forgery token: send the {header} header with the token the editor's pages carry");
    }
}
