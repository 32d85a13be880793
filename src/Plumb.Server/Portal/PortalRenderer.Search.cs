namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    public PortalPage Search(PageRequest request, string? query)
    {
        var html = new StringBuilder("<h1>Search</h1>\n");
        if (request.Site.IsStatic)
        {
            // The published site searches in the browser, from the index written beside the pages.
            html.Append("<p id=\"search-status\" role=\"status\">Type words in the search box above.</p><ol id=\"search-results\" class=\"results\"></ol>");
            return new PortalPage("Search", html.ToString(), Crumbs: [("Home", Links.Home)]);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            html.Append("<p>Type words in the search box above; every word must occur. The start of a word is enough.</p>");
            return new PortalPage("Search", html.ToString(), Crumbs: [("Home", Links.Home)]);
        }

        var snapshot = request.Snapshot;
        var hits = snapshot.Search.Find(query, e => ReaderView.CanSee(snapshot.Handbook, e.ProcessId, request.User));
        html.Append($"<p role=\"status\">{hits.Count} result(s) for “{E(query)}”.</p><ol class=\"results\">");
        foreach (var hit in hits)
        {
            html.Append($"<li><a href=\"{E(request.Href(hit.Entry.Url))}\">{E(hit.Entry.Title)}</a> <span class=\"badge\">{E(hit.Entry.Kind)}</span>");
            if (hit.Entry.Context.Length > 0) html.Append($" <span class=\"meta\">{E(hit.Entry.Context)}</span>");
            if (hit.Excerpt.Length > 0) html.Append($"<p>{E(hit.Excerpt)}</p>");
            html.Append("</li>");
        }

        html.Append("</ol>");
        return new PortalPage($"Search: {query}", html.ToString(), Crumbs: [("Home", Links.Home)]);
    }

    public PortalPage Findings(PageRequest request, string? status)
    {
        var all = HandbookQueries.Findings(request.Processes).ToList();
        var shown = all.Where(f => string.IsNullOrEmpty(status) || Words.Of(Words.FindingStatuses, f.Finding.Status) == status).ToList();
        var html = new StringBuilder("<h1>Findings register</h1>\n<p>What reviews found, where, how severe, and the update planned for it.</p>\n");
        if (!request.Site.IsStatic)
        {
            html.Append("<form class=\"filter\" method=\"get\" action=\"/findings\"><label for=\"status\">Status</label><select id=\"status\" name=\"status\">")
                .Append($"<option value=\"\">all ({all.Count})</option>");
            foreach (var (word, _) in Words.FindingStatuses)
            {
                var count = all.Count(f => Words.Of(Words.FindingStatuses, f.Finding.Status) == word);
                html.Append($"<option value=\"{E(word)}\"{(status == word ? " selected" : "")}>{E(word)} ({count})</option>");
            }

            html.Append("</select><button type=\"submit\">Show</button></form>\n");
        }

        if (shown.Count == 0) { html.Append("<p>No findings.</p>"); return new PortalPage("Findings", html.ToString(), Crumbs: [("Home", Links.Home)]); }
        html.Append("<div class=\"table\"><table><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Finding</th><th scope=\"col\">Where</th>")
            .Append("<th scope=\"col\">Severity</th><th scope=\"col\">Status</th><th scope=\"col\">Planned update</th><th scope=\"col\">Owner</th></tr></thead><tbody>");
        foreach (var place in shown.OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Id, StringComparer.Ordinal))
        {
            var f = place.Finding;
            var severity = Words.Of(Words.FindingSeverities, f.Severity);
            html.Append($"<tr><td>{E(f.Id)}</td><td>{E(f.Text)}</td><td>{Link(request, place.Url, place.Where)}</td>")
                .Append($"<td><span class=\"badge sev-{severity}\">{E(severity)}</span></td><td>{E(Words.Of(Words.FindingStatuses, f.Status))}</td>")
                .Append($"<td>{E(f.PlannedUpdate)}</td><td>{E(f.Owner)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return new PortalPage("Findings", html.ToString(), Crumbs: [("Home", Links.Home)]);
    }
}
