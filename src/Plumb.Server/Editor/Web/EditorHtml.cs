namespace Plumb.Server.Editor.Web;

using Plumb.Server.Portal;

/// <summary>
/// Editor pages in the one frame of portal and editor (<see cref="Layout"/>): the same banner, account and footer, with the
/// bundled stylesheet, the page's script and, on the pages of a process, the menu of that process's editor pages.
/// </summary>
internal static class EditorHtml
{
    // One escaper for portal and editor pages.
    public static string E(string? text) => Html.E(text);

    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A page; <paramref name="script"/> is the bundle that drives it (forms, modeler, diff) or null.</summary>
    public static IResult Page(string title, string body, string? script = null, string? process = null,
        IReadOnlyDictionary<string, string>? data = null) => new PageResult(title, body, script, process, data);

    /// <summary>A "not found" page in the one frame (HTTP 404), for a browser rather than problem details.</summary>
    public static IResult NotFound(string what) => new PageResult("Not found",
        $"<p>{E(what)}</p><p><a href=\"/editor\">Go to the editor's home</a> or <a href=\"/\">the portal</a>.</p>", null, null, null, 404);

    // Rendered when the response is written, so that the page carries a token for the person asking. A page of a process names
    // the process in its title (tabs and history tell processes apart), and a process the handbook lacks is a 404 page.
    private sealed class PageResult(string title, string body, string? script, string? process, IReadOnlyDictionary<string, string>? data,
        int status = 200) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var heading = title;
            if (process is { Length: > 0 })
            {
                var handbook = await httpContext.RequestServices.GetRequiredService<Services.EditorService>().HandbookAsync(httpContext.RequestAborted);
                if (handbook.FindProcess(process) is not { } found)
                {
                    await NotFound($"The handbook has no process '{process}'.").ExecuteAsync(httpContext);
                    return;
                }

                heading = title == found.Name ? title : $"{title} · {found.Name}";
            }

            var page = new PortalPage($"{heading} · Editor", $"<h1>{E(heading)}</h1>\n{body}", status)
            {
                Editor = new EditorFrame(script, data ?? new Dictionary<string, string>(), process is { Length: > 0 } ? process : null),
            };
            await (await PortalEndpoints.RenderPageAsync(httpContext, page, httpContext.RequestAborted)).ExecuteAsync(httpContext);
        }
    }
}
