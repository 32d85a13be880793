namespace Plumb.Server.Portal;

using System.Globalization;
using System.Text;
using Plumb.Server.Alignment;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    /// <summary>
    /// <c>/alignment</c>: for management, every process in one table (KPIs by RAG, drift count, fitness, mapping coverage), the
    /// news of what turned red, the whole-handbook drift and the computations that failed.
    /// </summary>
    public PortalPage Alignment(PageRequest request)
    {
        var results = request.Results;
        var html = new StringBuilder("<h1>Alignment</h1>\n");
        ResultsStyles(html, request);
        html.Append("<p>How each process is practised against its targets, and where the handbook and ServiceNow disagree: computed by the server ")
            .Append("after every sync or upload and every new handbook version. ")
            .Append($"<a href=\"{E(request.Href(AlignmentEndpoints.FeedPath))}\" type=\"application/atom+xml\">News feed (Atom)</a></p>\n");
        Failures(html, results);
        html.Append("<div class=\"table\"><table class=\"alignment\"><thead><tr><th scope=\"col\">Process</th><th scope=\"col\">KPIs</th>")
            .Append("<th scope=\"col\">Drift</th><th scope=\"col\">Log fitness</th><th scope=\"col\">Mapping coverage</th><th scope=\"col\">Computed from</th></tr></thead><tbody>\n");
        var drift = results.Drift.Count > 0 ? results.Drift[0].Figures.Drift.ToList() : null;
        foreach (var process in request.Processes)
        {
            var analyses = results.ForProcess(process.Id, process.Procedures.Select(p => p.Id).ToList());
            var driftCount = drift?.Count(d => DriftFigures.ProcessOf(d) == process.Id);
            html.Append($"<tr data-process=\"{E(process.Id)}\"><th scope=\"row\">{Link(request, Links.Process(process.Id), process.Name)}</th>");
            if (analyses.Count == 0)
            {
                html.Append("<td><span class=\"muted\">no data</span></td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{(driftCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : "<span class=\"muted\">not checked</span>")}</td>")
                    .Append("<td></td><td></td><td></td></tr>\n");
                continue;
            }

            var (first, figures) = analyses[0];
            var counts = figures.Kpis.GroupBy(k => k.Status is { } s && k.NotMeasurable is null && k.Error is null ? ResultsComputation.Word(s) : "not measurable")
                .ToDictionary(g => g.Key, g => g.Count());
            var rag = string.Join(" ", new[] { "red", "amber", "green", "not measurable" }.Where(counts.ContainsKey)
                .Select(k => $"<span class=\"rag-count rag-{k.Replace(' ', '-')}\">{counts[k]} {k}</span>"));
            var fitness = analyses.Select(a => a.Figures.Fitness).ToList();
            html.Append($"<td>{(rag.Length == 0 ? "<span class=\"muted\">no KPIs</span>" : rag)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(driftCount is { } c ? c.ToString(CultureInfo.InvariantCulture) : "<span class=\"muted\">not checked</span>")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(fitness[0] is { } fit ? fit.LogFitness.ToString("F3", CultureInfo.InvariantCulture) : $"<span class=\"muted\" title=\"{E(figures.NotMeasurable ?? "")}\">not measurable</span>")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{figures.Mapping.EventPercent:F1} % of events</td>")
                .Append($"<td class=\"provenance\">{E(Provenance(first.Data, first.Key.HandbookVersion, first.At))}</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        html.Append("<h2>News</h2>");
        if (results.News.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing has turned red since the figures were first computed.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"news\">");
            foreach (var n in results.News.Take(20))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(n.Title)}</strong> <span class=\"meta\">{n.At:d MMM yyyy HH:mm} UTC</span><br>{E(n.Detail)}</li>");
            }

            html.Append("</ul>\n");
        }

        DriftItems(html, results, null, "Drift that concerns the whole handbook (roles and groups)");
        return new PortalPage("Alignment", html.ToString(), Crumbs: [("Home", Links.Home)]);
    }
}
