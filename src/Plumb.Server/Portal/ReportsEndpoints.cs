namespace Plumb.Server.Portal;

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Hosting;
using static Plumb.Server.Portal.Html;

/// <summary>
/// The reports folder published beside the handbook (analysis, drift, gap, review workbook, documents): a list page,
/// Markdown reports rendered in the portal frame, and the other files served as they are.
/// </summary>
public static class ReportsEndpoints
{
    public const string Path = "/reports";

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireAuthorization(PlumbClaims.ReaderPolicy).ExcludeFromDescription();
        group.MapGet("", (HttpContext http, IOptions<PlumbServerOptions> options, CancellationToken ct) =>
            PortalEndpoints.RenderAsync(http, (_, request) => List(Folder(options)), ct, useCache: false));
        // Pages without a declared icon (the self-contained reports) make browsers ask for /favicon.ico.
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{name}", (string name, HttpContext http, IOptions<PlumbServerOptions> options, CancellationToken ct) =>
            FileAsync(name, http, Folder(options), ct));
    }

    private static string? Folder(IOptions<PlumbServerOptions> options) =>
        options.Value.Reports is { Length: > 0 } folder && Directory.Exists(folder) ? folder : null;

    private static PortalPage List(string? folder)
    {
        var html = new StringBuilder("<h1>Reports</h1>");
        var reports = folder is null ? [] : Catalogue(folder);
        if (reports.Count == 0)
        {
            html.Append("<p>No reports are published. Start the server with <code>--reports DIR</code> to publish a folder of reports.</p>");
            return new PortalPage("Reports", html.ToString());
        }

        html.Append("<p>Analyses and documents made from this handbook, its ServiceNow configuration and its ticket history.</p><ul class=\"reports\">");
        foreach (var report in reports)
        {
            html.Append($"<li><a href=\"{E(Path + "/" + Uri.EscapeDataString(report.File))}\">{E(report.Title)}</a>");
            html.Append($" <span class=\"muted\">({E(System.IO.Path.GetExtension(report.File).TrimStart('.').ToUpperInvariant())})</span>");
            if (report.Description is { Length: > 0 } description) html.Append($"<br>{E(description)}");
            html.Append("</li>");
        }

        html.Append("</ul>");
        return new PortalPage("Reports", html.ToString());
    }

    private static async Task<IResult> FileAsync(string name, HttpContext http, string? folder, CancellationToken cancellationToken)
    {
        // Only files directly in the folder, by their plain name: no way out of it.
        if (folder is null || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.')
            || !File.Exists(System.IO.Path.Combine(folder, name)))
        {
            return await PortalEndpoints.RenderAsync(http, (_, _) => PortalRenderer.NotFound("There is no report with this name."), cancellationToken, useCache: false);
        }

        var file = System.IO.Path.Combine(folder, name);
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        if (extension == ".md")
        {
            var markdown = await File.ReadAllTextAsync(file, cancellationToken);
            var title = Catalogue(folder).FirstOrDefault(r => r.File == name)?.Title ?? name;
            return await PortalEndpoints.RenderAsync(http, (_, _) => new PortalPage(title, $"<div class=\"report\">{MarkdownRenderer.ToHtml(markdown)}</div>",
                Crumbs: [("Reports", Path)]), cancellationToken, useCache: false);
        }

        if (extension == ".html")
        {
            // Reports are self-contained pages with their own inline styles and charts; served here, they get the portal's way back.
            http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.Policy(null, relaxed: true);
            return Results.Content(WithPortalHeader(await File.ReadAllTextAsync(file, cancellationToken)), "text/html; charset=utf-8");
        }

        var type = extension switch
        {
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json",
            ".xml" or ".bpmn" or ".drawio" => "application/xml",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".vsdx" => "application/vnd.ms-visio.drawing",
            ".csv" => "text/csv; charset=utf-8",
            _ => "application/octet-stream",
        };
        var inline = extension is ".html" or ".svg" or ".png" or ".pdf" or ".json";
        return Results.File(file, type, inline ? null : name);
    }

    // A report written before it carried a viewport tag gets one; every report gets a header linking back into the portal.
    internal static string WithPortalHeader(string page)
    {
        const string Viewport = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
        if (!page.Contains("name=viewport", StringComparison.OrdinalIgnoreCase) && !page.Contains("name=\"viewport\"", StringComparison.OrdinalIgnoreCase))
            page = InsertAfterTag(page, "<head", Viewport);
        // The portal's two-tone focus ring, so keyboard focus stands out (3:1) in a report with styles of its own.
        const string FocusRing = "<style>a:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid #1b1f24;outline-offset:0;box-shadow:0 0 0 6px #ffbf47}</style>";
        var headEnd = page.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        if (headEnd >= 0) page = page.Insert(headEnd, FocusRing);
        const string Header = "<header style=\"margin:-24px -24px 16px;padding:8px 24px;background:#1f4e79;color:#fff\"><nav aria-label=\"Portal\">"
            + "<a style=\"color:#fff\" href=\"/\">Processes</a> · <a style=\"color:#fff\" href=\"" + Path + "\">Reports</a></nav></header>";
        return InsertAfterTag(page, "<body", Header);
    }

    private static string InsertAfterTag(string page, string tag, string insert)
    {
        var at = page.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        var end = at < 0 ? -1 : page.IndexOf('>', at);
        return end < 0 ? page : page.Insert(end + 1, insert);
    }

    private static List<ReportEntry> Catalogue(string folder)
    {
        var index = System.IO.Path.Combine(folder, "index.json");
        if (File.Exists(index))
        {
            try
            {
                var entries = JsonSerializer.Deserialize<List<ReportEntry>>(File.ReadAllText(index), JsonSerializerOptions.Web) ?? [];
                return [.. entries.Where(e => File.Exists(System.IO.Path.Combine(folder, e.File)))];
            }
            catch (JsonException)
            {
                // A broken index falls back to listing the files.
            }
        }

        return [.. Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).OfType<string>()
            .Where(f => !f.StartsWith('.') && f != "index.json").Order(StringComparer.Ordinal)
            .Select(f => new ReportEntry(f, System.IO.Path.GetFileNameWithoutExtension(f), null))];
    }

    /// <summary>One entry of <c>index.json</c>: the file, its title and what it shows.</summary>
    public sealed record ReportEntry(string File, string Title, string? Description);
}
