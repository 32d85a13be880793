namespace Plumb.Server.Editor.Web;

using System.Reflection;

/// <summary>Serves the bundled editor scripts, styles and fonts (built from web/editor, embedded in this assembly): no CDN.</summary>
internal static class EditorAssets
{
    private static readonly Assembly Assembly = typeof(EditorAssets).Assembly;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".eot"] = "application/vnd.ms-fontobject",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/editor-assets/{file}", (string file, HttpContext context) =>
    {
        var stream = Assembly.GetManifestResourceStream("editor/" + file);
        if (stream is null || !Types.TryGetValue(Path.GetExtension(file), out var type)) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Stream(stream, type);
    });

    /// <summary>True when the bundle was built into the assembly.</summary>
    public static bool Present(string file) => Assembly.GetManifestResourceInfo("editor/" + file) is not null;
}
