namespace Plumb.Editor.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Editor.Services;
using Plumb.Editor.Store;

/// <summary>Registers the editor's services and maps its pages, API and assets.</summary>
public static class EditorEndpoints
{
    /// <summary>The header every write sends; a cross-site form cannot set it, so it stops cross-site request forgery.</summary>
    public const string CsrfHeader = "X-Plumb-Editor";

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
        return services;
    }

    /// <summary>Maps <c>/editor/...</c> pages, <c>/api/editor/...</c>, reader feedback and the bundled scripts.</summary>
    public static IEndpointRouteBuilder MapPlumbEditor(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/editor").RequireAuthorization(EditorPolicies.Edit).AddEndpointFilter(async (context, next) =>
            HttpMethods.IsGet(context.HttpContext.Request.Method) || HasCsrfHeader(context.HttpContext)
                ? await next(context)
                : EditorApi.Problem($"the request lacks the {CsrfHeader} header"));
        EditorApi.Map(api);
        ProcedureApi.Map(api);
        FeedbackApi.MapEditors(api);
        FeedbackApi.MapReaders(app);

        var pages = app.MapGroup("/editor").RequireAuthorization(EditorPolicies.Edit);
        EditorPages.Map(pages);
        ReaderPages.Map(app);
        EditorAssets.Map(app);
        return app;
    }

    /// <summary>Creates the editor's tables when they are missing; call once at start-up.</summary>
    public static async Task MigratePlumbEditorAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IEditorStore>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<EditorService>().EnsureSeededAsync(cancellationToken);
    }

    internal static bool HasCsrfHeader(HttpContext context) => context.Request.Headers.ContainsKey(CsrfHeader);
}
