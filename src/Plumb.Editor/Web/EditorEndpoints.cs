namespace Plumb.Editor.Web;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plumb.Editor.Services;
using Plumb.Editor.Store;

/// <summary>Registers the editor's services and maps its pages, API and assets.</summary>
public static class EditorEndpoints
{
    /// <summary>The tag of the editor's endpoints in the OpenAPI document.</summary>
    public const string Tag = "Editor";

    /// <summary>Adds the editor's store (SQLite at <paramref name="sqliteConnectionString"/>), service and policies.</summary>
    public static IServiceCollection AddPlumbEditor(this IServiceCollection services, string sqliteConnectionString) =>
        services.AddPlumbEditor(_ => new SqliteEditorStore(sqliteConnectionString));

    /// <summary>Adds the editor with the store the host chooses (SQLite or PostgreSQL, usually the server's own database).</summary>
    public static IServiceCollection AddPlumbEditor(this IServiceCollection services, Func<IServiceProvider, IEditorStore> store)
    {
        services.AddSingleton(store);
        services.AddSingleton(sp => new EditorService(
            sp.GetRequiredService<IEditorStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<IPublishedHandbook>()));
        services.AddAuthorization(EditorPolicies.Add);

        // The same anti-forgery tokens as the server's API: the host's options (header and field names) apply, and pages tell scripts the header.
        services.AddAntiforgery();
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
        var api = app.MapGroup("/api/editor").RequireAuthorization(EditorPolicies.Edit).WithTags(Tag)
            .AddEndpointFilter(async (context, next) => await RefuseForgeryAsync(context.HttpContext) ?? await next(context));
        EditorApi.Map(api);
        ProcedureApi.Map(api);
        FeedbackApi.MapEditors(api);
        var readerFeedback = FeedbackApi.MapReaders(app);
        readers?.Invoke(readerFeedback);
        feedback?.Invoke(readerFeedback);

        // Pages and assets are HTML and files for browsers, not part of the API the OpenAPI document describes.
        var pages = app.MapGroup("/editor").RequireAuthorization(EditorPolicies.Edit).ExcludeFromDescription();
        EditorPages.Map(pages);
        var files = app.MapGroup("").ExcludeFromDescription();
        var readerPages = ReaderPages.Map(files);
        readers?.Invoke(readerPages);
        EditorAssets.Map(files);
        return app;
    }

    /// <summary>Creates the editor's tables when they are missing; call once at start-up.</summary>
    public static async Task MigratePlumbEditorAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IEditorStore>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<EditorService>().EnsureSeededAsync(cancellationToken);
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
