namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

/// <summary>Who is signed in, as the page header shows it.</summary>
public sealed record Visitor(string? Name, string? Role, string? CsrfToken, bool SignInOffered)
{
    /// <summary>The header the page's scripts send <see cref="CsrfToken"/> back in.</summary>
    public string? CsrfHeader { get; init; }

    /// <summary>True for editors, owners and admins: the header links the editor and each page its editor page.</summary>
    public bool CanEdit { get; init; }

    /// <summary>For owners: how many proposals wait for a review; the header says so and links the list.</summary>
    public int InReview { get; init; }
}

/// <summary>
/// The one frame of every page, portal and editor alike: skip link, banner with navigation and search, the account (with the
/// editor, the counterpart page and the proposals waiting for review), the main content, and a footer with the handbook's
/// version. Landmarks and a single h1 per page make it usable with a screen reader; portal pages need no script.
/// </summary>
public static class Layout
{
    /// <summary>Where the dashboard lists the proposals waiting for review.</summary>
    public const string InReviewList = "/editor#in-review";

    public static string Render(PortalPage page, string handbookName, long version, PortalSite site, Visitor visitor, string? searchText = null, bool reports = false)
    {
        var html = new StringBuilder(page.Body.Length + 3000);
        var editor = page.Editor;
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(page.Title == handbookName ? handbookName : $"{page.Title} · {handbookName}")}</title>
            <link rel="stylesheet" href="{E(site.Href("/assets/plumb.css"))}">
            <link rel="icon" href="{E(site.Href("/assets/favicon.svg"))}" type="image/svg+xml">

            """);
        if (editor is not null)
        {
            html.Append("<link rel=\"stylesheet\" href=\"/editor-assets/editor.css\">\n");
            if (editor.Script is "modeler" or "diff") html.Append($"<link rel=\"stylesheet\" href=\"/editor-assets/{editor.Script}.css\">\n");
        }

        html.Append("</head>\n<body");
        if (editor is not null)
        {
            html.Append(" class=\"editor\"");
            foreach (var (key, value) in editor.Data) html.Append($" data-{key}=\"{E(value)}\"");
        }

        html.Append($"""
            >
            <a class="skip" href="#main">Skip to content</a>
            <header class="banner">
            <a class="brand" href="{E(site.Href(Links.Home))}">{E(handbookName)}</a>
            <nav aria-label="Main">
            <ul>
            <li><a href="{E(site.Href(Links.Home))}">Processes</a></li>
            <li><a href="{E(site.Href(Links.Roles))}">Roles</a></li>
            <li><a href="{E(site.Href(Links.Raci))}">RACI</a></li>
            <li><a href="{E(site.Href(Links.Findings))}">Findings</a></li>
            {(site.IsStatic ? "" : $"<li><a href=\"{E(site.Href(Plumb.Server.Alignment.AlignmentEndpoints.Path))}\">Alignment</a></li>")}
            {(reports ? $"<li><a href=\"{E(site.Href(ReportsEndpoints.Path))}\">Reports</a></li>" : "")}
            {(visitor.CanEdit && !site.IsStatic ? "<li><a href=\"/editor\">Editor</a></li>" : "")}
            </ul>
            </nav>
            <form class="search" role="search" action="{E(site.Href(Links.Search))}" method="get">
            <label for="q">Search the handbook</label>
            <input id="q" name="q" type="search" value="{E(searchText)}" autocomplete="off">
            <button type="submit">Search</button>
            </form>
            """);
        if (!site.IsStatic) html.Append(Account(page, site, visitor));
        html.Append("</header>\n");
        if (editor?.Process is { } process) html.Append(ProcessMenu(process));
        if (editor is not null) html.Append("<p class=\"presence\" id=\"presence\" aria-live=\"polite\"></p>\n");
        if (page.Crumbs is { Count: > 0 } crumbs)
        {
            html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
            foreach (var (label, url) in crumbs) html.Append($"<li><a href=\"{E(site.Href(url))}\">{E(label)}</a></li>");
            html.Append($"<li aria-current=\"page\">{E(page.Title)}</li></ol></nav>\n");
        }

        html.Append("<main id=\"main\" tabindex=\"-1\">\n").Append(page.Body).Append("\n</main>\n");
        // The handbook's version, the one number of the server's history, is the number every page shows (https://plumb.dev/issues/20).
        var edition = site.IsStatic ? "Published" : $"Handbook version <span class=\"handbook-version\">{version}</span>";
        html.Append($"""<footer class="footer"><p>{edition} · <a href="{E(site.Href(Links.Findings))}">Findings register</a> · kept in plumb by Plumb</p></footer>""");
        if (site.IsStatic && site.CurrentPath == Links.Search) html.Append($"\n<script src=\"{E(site.Href("/assets/search-index.js"))}\"></script><script src=\"{E(site.Href("/assets/search.js"))}\"></script>");
        if (editor is not null) html.Append($"\n<script src=\"/editor-assets/{editor.Script ?? "common"}.js\"></script>");
        html.Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Account(PortalPage page, PortalSite site, Visitor visitor)
    {
        if (visitor.Name is null)
        {
            var field = visitor.CsrfToken is null ? ""
                : $"<input type=\"hidden\" id=\"plumb-csrf\" name=\"__csrf\" value=\"{E(visitor.CsrfToken)}\" data-header=\"{E(visitor.CsrfHeader)}\">";
            var signIn = visitor.SignInOffered && site.CurrentPath != "/signin" ? "<a href=\"/signin\">Sign in</a>" : "";
            return signIn.Length + field.Length == 0 ? "" : $"<div class=\"account\">{signIn}{field}</div>";
        }

        var html = new StringBuilder("<div class=\"account\">");
        // Editors move between a page and its editor page in one click, both ways; a missing page has no counterpart.
        var other = !visitor.CanEdit || page.Status != 200 ? null
            : page.Editor is null ? Counterpart.InEditor(site.CurrentPath) : Counterpart.InPortal(site.CurrentPath);
        if (other is not null)
        {
            html.Append(page.Editor is null ? $"<a class=\"counterpart\" href=\"{E(other)}\">Edit in the editor</a>"
                : $"<a class=\"counterpart\" href=\"{E(other)}\">View in the portal</a>");
        }

        if (visitor.InReview > 0)
        {
            var words = visitor.InReview == 1 ? "1 proposal waits" : $"{visitor.InReview} proposals wait";
            html.Append($"<a class=\"in-review\" id=\"in-review-count\" href=\"{InReviewList}\">{words} for your review</a>");
        }

        html.Append($"""
            <span>Signed in as <strong>{E(visitor.Name)}</strong> ({E(visitor.Role)})</span>
            <form action="/signout" method="post"><input type="hidden" id="plumb-csrf" name="__csrf" value="{E(visitor.CsrfToken)}" data-header="{E(visitor.CsrfHeader)}"><button type="submit">Sign out</button></form></div>
            """);
        return html.ToString();
    }

    // The pages of one process in the editor, under the banner of every editor page about it.
    private static string ProcessMenu(string process)
    {
        var p = Uri.EscapeDataString(process);
        return $"""
            <nav class="subnav" aria-label="This process in the editor"><ul>
            <li><a href="/editor/processes/{p}">Forms</a></li>
            <li><a href="/editor/processes/{p}/workshop">Review workshop</a></li>
            <li><a href="/editor/processes/{p}/workbook">Workbook</a></li>
            <li><a href="/editor/processes/{p}/history">Versions and review</a></li>
            <li><a href="/editor/processes/{p}/feedback">Feedback</a></li>
            </ul></nav>

            """;
    }
}
