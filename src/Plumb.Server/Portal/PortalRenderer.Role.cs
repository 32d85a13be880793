namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    private static readonly Dictionary<char, string> LetterWords = new()
    {
        ['R'] = "Responsible",
        ['A'] = "Accountable",
        ['C'] = "Consulted",
        ['I'] = "Informed",
    };

    public PortalPage Role(PageRequest request, string roleId)
    {
        if (request.Handbook.FindRole(roleId) is not { } role) return NotFound($"There is no role '{roleId}'.");
        var html = new StringBuilder();
        html.Append($"<h1>{E(role.Name)}</h1>\n");
        if (role.Description is { } description) html.Append($"<p class=\"lead\">{E(description)}</p>");
        html.Append("<dl class=\"facts\">")
            .Append($"<dt>In place</dt><dd>{(role.InPlace ? "yes" : "<strong>no</strong> — nobody holds this role yet")}</dd>");
        if (role.Holders.Count > 0) html.Append($"<dt>Held by</dt><dd>{E(string.Join(", ", role.Holders))}</dd>");
        if (role.Groups.Count > 0) html.Append($"<dt>Assignment groups</dt><dd>{E(string.Join(", ", role.Groups))}</dd>");
        html.Append("</dl>\n<h2>What I do</h2>\n");
        var duties = HandbookQueries.Duties(request.Processes, role.Id).ToList();
        if (duties.Count == 0) html.Append("<p>This role takes part in no step yet.</p>");
        foreach (var byProcedure in duties.GroupBy(d => (d.Place.Process, d.Place.Procedure)))
        {
            var (process, procedure) = byProcedure.Key;
            html.Append($"<section class=\"duty-group\"><h3>{Link(request, Links.Process(process.Id), process.Name)} › ")
                .Append($"{Link(request, Links.Procedure(process.Id, procedure.Id), procedure.Name)}</h3>");
            foreach (var (place, letters) in byProcedure)
            {
                var words = string.Join(", ", letters.Select(l => LetterWords[l]));
                html.Append($"<article class=\"duty\"><h4>{Link(request, place.Url, place.Step.Name)} <span class=\"letters\" title=\"{E(words)}\">")
                    .Append($"{E(letters)}</span></h4><p class=\"meta\">{E(words)}</p>");
                if (!string.IsNullOrWhiteSpace(place.Step.Instruction))
                {
                    html.Append($"<div class=\"instruction\">{MarkdownRenderer.ToHtml(place.Step.Instruction)}</div>");
                }

                html.Append("</article>");
            }

            html.Append("</section>\n");
        }

        return new PortalPage(role.Name, html.ToString(), Crumbs: [("Home", Links.Home), ("Roles", Links.Roles)]);
    }

    public PortalPage Raci(PageRequest request)
    {
        var html = new StringBuilder("<h1>RACI matrix</h1>\n<p>R = responsible, A = accountable, C = consulted, I = informed.</p>\n");
        foreach (var process in request.Processes)
        {
            var steps = HandbookQueries.Steps([process]).ToList();
            var roles = steps.SelectMany(s => s.Step.Raci.Assignments().Select(a => a.Role)).Distinct(StringComparer.Ordinal)
                .OrderBy(r => request.Handbook.Roles.FindIndex(x => x.Id == r) is var i && i < 0 ? int.MaxValue : i).ToList();
            html.Append($"<section aria-labelledby=\"raci-{E(process.Id)}\"><h2 id=\"raci-{E(process.Id)}\">{Link(request, Links.Process(process.Id), process.Name)}</h2>");
            if (steps.Count == 0) { html.Append("<p>No steps yet.</p></section>"); continue; }
            html.Append($"<div class=\"table\"><table class=\"raci-matrix\"><caption>RACI of {E(process.Name)}</caption><thead><tr><th scope=\"col\">Step</th>");
            foreach (var role in roles) html.Append($"<th scope=\"col\">{RoleLink(request, role)}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var place in steps)
            {
                html.Append($"<tr><th scope=\"row\">{Link(request, place.Url, place.Step.Name)}</th>");
                foreach (var role in roles)
                {
                    var letters = string.Concat(place.Step.Raci.Assignments().Where(a => a.Role == role).Select(a => a.Letter));
                    html.Append($"<td class=\"letters\">{E(letters)}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table></div></section>\n");
        }

        return new PortalPage("RACI matrix", html.ToString(), Crumbs: [("Home", Links.Home)]);
    }
}
