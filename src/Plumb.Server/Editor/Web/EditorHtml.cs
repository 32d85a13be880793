namespace Plumb.Server.Editor.Web;

using System.Text;
using Microsoft.AspNetCore.Antiforgery;

/// <summary>The page frame of the editor: landmarks, navigation, the bundled stylesheet and the page's script.</summary>
internal static class EditorHtml
{
    // One escaper for portal and editor pages.
    public static string E(string? text) => Portal.Html.E(text);

    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A page; <paramref name="script"/> is the bundle that drives it (forms, modeler, diff) or null.</summary>
    public static IResult Page(string title, string body, string? script = null, string? process = null,
        IReadOnlyDictionary<string, string>? data = null) => new PageResult(title, body, script, process, data);

    /// <summary>A "not found" page in the editor's frame (HTTP 404), for a browser rather than problem details.</summary>
    public static IResult NotFound(string what) => new PageResult("Not found",
        $"<p>{E(what)}</p><p><a href=\"/editor\">Go to the editor's home</a> or <a href=\"/\">the portal</a>.</p>", null, null, null, 404);

    // The anti-forgery token goes into every page as the server's pages carry it, a hidden form field (in the sign-out form when
    // someone is signed in); the scripts send it back in the anti-forgery header on every write.
    private static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var field = $"<input type=\"hidden\" id=\"plumb-csrf\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\" " +
            $"data-header=\"{E(tokens.HeaderName)}\">";
        return http.User.Identity?.IsAuthenticated == true
            ? $"<form class=\"signout\" action=\"/signout\" method=\"post\">{field}<button type=\"submit\">Sign out {E(http.User.Identity.Name)}</button></form>"
            : field;
    }

    private static string Render(HttpContext http, string title, string body, string? script, string? process, IReadOnlyDictionary<string, string>? data)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{E(title)} · Plumb editor</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/editor-assets/editor.css\">");
        if (script is "modeler" or "diff") html.Append($"<link rel=\"stylesheet\" href=\"/editor-assets/{script}.css\">");
        html.Append("</head><body");
        foreach (var (key, value) in data ?? new Dictionary<string, string>()) html.Append($" data-{key}=\"{E(value)}\"");
        html.Append("><a class=\"skip\" href=\"#main\">Skip to content</a><header><nav aria-label=\"Editor\"><ul>");
        html.Append("<li><a href=\"/editor\">Editor home</a></li><li><a href=\"/editor/handbook\">Roles and records</a></li>");
        if (process is not null)
        {
            var p = U(process);
            html.Append($"<li><a href=\"/editor/processes/{p}\">Forms</a></li>");
            html.Append($"<li><a href=\"/editor/processes/{p}/workshop\">Review workshop</a></li>");
            html.Append($"<li><a href=\"/editor/processes/{p}/workbook\">Workbook</a></li>");
            html.Append($"<li><a href=\"/editor/processes/{p}/history\">Versions and review</a></li>");
            html.Append($"<li><a href=\"/editor/processes/{p}/feedback\">Feedback</a></li>");
        }

        html.Append("</ul></nav>").Append(Antiforgery(http)).Append("<p class=\"presence\" id=\"presence\" aria-live=\"polite\"></p></header>");
        html.Append($"<main id=\"main\"><h1>{E(title)}</h1>{body}</main>");
        html.Append($"<script src=\"/editor-assets/{script ?? "common"}.js\"></script>");
        html.Append("</body></html>");
        return html.ToString();
    }

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

            await Results.Content(Render(httpContext, heading, body, script, process, data), "text/html; charset=utf-8", statusCode: status)
                .ExecuteAsync(httpContext);
        }
    }
}
