namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    public PortalPage Home(PageRequest request)
    {
        var handbook = request.Handbook;
        var html = new StringBuilder();
        html.Append($"<h1>{E(handbook.Name)}</h1>\n");
        if (handbook.Description is { } description) html.Append($"<p class=\"lead\">{E(description)}</p>\n");
        html.Append("<section aria-labelledby=\"landscape-heading\"><h2 id=\"landscape-heading\">Process landscape</h2>\n");
        if (request.Processes.Count == 0)
        {
            html.Append("<p>The handbook has no processes yet. Push one with <code>plumb push DIR --server URL</code>.</p></section>\n");
            return new PortalPage(handbook.Name, html.ToString());
        }

        var flows = HandbookQueries.Flows(handbook, request.Processes);
        html.Append("<figure class=\"diagram\">").Append(LandscapeSvg.Render(request.Processes, flows, request.Site))
            .Append("<figcaption>Every process, and the records passed between them. Select a process to open it.</figcaption></figure>\n");
        if (flows.Count > 0)
        {
            html.Append("<details><summary>Data flows between processes, as a list</summary><ul>");
            foreach (var flow in flows)
            {
                html.Append($"<li>{Link(request, Links.Process(flow.From.Id), flow.From.Name)} passes <strong>{E(flow.Record)}</strong> to ")
                    .Append($"{Link(request, Links.Process(flow.To.Id), flow.To.Name)}</li>");
            }

            html.Append("</ul></details>\n");
        }

        html.Append("</section>\n<section aria-labelledby=\"processes-heading\"><h2 id=\"processes-heading\">Processes</h2><ul class=\"cards\">");
        foreach (var process in request.Processes)
        {
            html.Append($"<li class=\"card\"><h3>{Link(request, Links.Process(process.Id), process.Name)}</h3>")
                .Append($"<p>{E(process.Purpose ?? process.Mission)}</p><p class=\"meta\">{StatusBadge(process.Status)}{VersionLabel(process)}")
                .Append($"{(process.Owner is { } owner ? " · owner " + RoleLink(request, owner) : "")}</p></li>");
        }

        html.Append("</ul></section>\n");
        if (handbook.Drivers.Count > 0 || handbook.PainPoints.Count > 0)
        {
            html.Append("<section aria-labelledby=\"context-heading\"><h2 id=\"context-heading\">Why we align our processes</h2>");
            if (handbook.Drivers.Count > 0)
            {
                html.Append("<h3>Drivers</h3><ul>").AppendJoin("", handbook.Drivers.Select(d => $"<li>{E(d.Text)}</li>")).Append("</ul>");
            }

            if (handbook.PainPoints.Count > 0)
            {
                html.Append("<h3>Pain points</h3><ul>").AppendJoin("", handbook.PainPoints.Select(d => $"<li>{E(d.Text)}</li>")).Append("</ul>");
            }

            html.Append("</section>\n");
        }

        return new PortalPage(handbook.Name, html.ToString());
    }

    public PortalPage Roles(PageRequest request)
    {
        var html = new StringBuilder("<h1>Roles</h1>\n<p>Open a role to see every step it takes part in, with the instructions.</p><ul class=\"cards\">");
        foreach (var role in request.Handbook.Roles)
        {
            var count = HandbookQueries.Duties(request.Processes, role.Id).Count();
            html.Append($"<li class=\"card\"><h2>{Link(request, Links.Role(role.Id), role.Name)}</h2><p>{E(role.Description)}</p>")
                .Append($"<p class=\"meta\">{count} step(s){(role.InPlace ? "" : " · <strong>not in place</strong>")}</p></li>");
        }

        html.Append("</ul>");
        return new PortalPage("Roles", html.ToString(), Crumbs: [("Home", Links.Home)]);
    }
}
