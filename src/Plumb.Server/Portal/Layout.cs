namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

/// <summary>Who is signed in, as the page header shows it.</summary>
public sealed record Visitor(string? Name, string? Role, string? CsrfToken, bool SignInOffered);

/// <summary>
/// The frame of every page: skip link, banner with navigation and search, the main content, and a footer with the
/// version. Landmarks and a single h1 per page make it usable with a screen reader; it needs no script.
/// </summary>
public static class Layout
{
    public static string Render(PortalPage page, string handbookName, long version, PortalSite site, Visitor visitor, string? searchText = null, bool reports = false)
    {
        var html = new StringBuilder(page.Body.Length + 3000);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(page.Title == handbookName ? handbookName : $"{page.Title} · {handbookName}")}</title>
            <link rel="stylesheet" href="{E(site.Href("/assets/plumb.css"))}">
            <link rel="icon" href="{E(site.Href("/assets/favicon.svg"))}" type="image/svg+xml">
            </head>
            <body>
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
            </ul>
            </nav>
            <form class="search" role="search" action="{E(site.Href(Links.Search))}" method="get">
            <label for="q">Search the handbook</label>
            <input id="q" name="q" type="search" value="{E(searchText)}" autocomplete="off">
            <button type="submit">Search</button>
            </form>
            """);
        if (!site.IsStatic) html.Append(Account(visitor));
        html.Append("</header>\n");
        if (page.Crumbs is { Count: > 0 } crumbs)
        {
            html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
            foreach (var (label, url) in crumbs) html.Append($"<li><a href=\"{E(site.Href(url))}\">{E(label)}</a></li>");
            html.Append($"<li aria-current=\"page\">{E(page.Title)}</li></ol></nav>\n");
        }

        html.Append("<main id=\"main\" tabindex=\"-1\">\n").Append(page.Body).Append("\n</main>\n");
        var edition = site.IsStatic ? "Published" : $"Version {version}";
        html.Append($"""<footer class="footer"><p>{edition} · <a href="{E(site.Href(Links.Findings))}">Findings register</a> · kept in plumb by Plumb</p></footer>""");
        if (site.IsStatic && site.CurrentPath == Links.Search) html.Append($"\n<script src=\"{E(site.Href("/assets/search-index.js"))}\"></script><script src=\"{E(site.Href("/assets/search.js"))}\"></script>");
        html.Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Account(Visitor visitor)
    {
        if (visitor.Name is null)
        {
            return visitor.SignInOffered ? """<div class="account"><a href="/signin">Sign in</a></div>""" : "";
        }

        return $"""
            <div class="account"><span>Signed in as <strong>{E(visitor.Name)}</strong> ({E(visitor.Role)})</span>
            <form action="/signout" method="post"><input type="hidden" name="__csrf" value="{E(visitor.CsrfToken)}"><button type="submit">Sign out</button></form></div>
            """;
    }
}
