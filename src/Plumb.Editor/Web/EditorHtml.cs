namespace Plumb.Editor.Web;

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

/// <summary>The page frame of the editor: landmarks, navigation, the bundled stylesheet and the page's script.</summary>
internal static class EditorHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A page; <paramref name="script"/> is the bundle that drives it (forms, modeler, diff) or null.</summary>
    public static IResult Page(string title, string body, string? script = null, string? process = null,
        IReadOnlyDictionary<string, string>? data = null)
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

        html.Append("</ul></nav><p class=\"presence\" id=\"presence\" aria-live=\"polite\"></p></header>");
        html.Append($"<main id=\"main\"><h1>{E(title)}</h1>{body}</main>");
        html.Append($"<script src=\"/editor-assets/{script ?? "common"}.js\"></script>");
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
