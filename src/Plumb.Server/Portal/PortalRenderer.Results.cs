namespace Plumb.Server.Portal;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Server.Alignment;
using Plumb.Server.Handbooks;
using Plumb.Server.History;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    /// <summary>The stylesheet of result figures (tiles, sparklines), added by the pages that show them.</summary>
    private static void ResultsStyles(StringBuilder html, PageRequest request) =>
        html.Append($"<link rel=\"stylesheet\" href=\"{E(request.Href("/assets/results.css"))}\">\n");

    /// <summary>"From incidents.csv (upload/3), 2 Dec 2026 21:40 UTC, 10,204 cases; handbook version 7; computed 2 Dec 2026 21:41 UTC."</summary>
    internal static string Provenance(TicketDataInfo data, long handbookVersion, DateTimeOffset computed) => string.Create(CultureInfo.InvariantCulture,
        $"From {data.Title}, {data.At:d MMM yyyy HH:mm} UTC, {data.Records:N0} cases, {data.Events:N0} events; handbook version {handbookVersion}; computed {computed:d MMM yyyy HH:mm} UTC.");

    /// <summary>How the process is practised: KPI tiles, mapping coverage, conformance and drift, each saying what it was computed from.</summary>
    private static void Practice(StringBuilder html, PageRequest request, Process process)
    {
        if (request.Site.IsStatic) return; // a published site has no server computing results
        var results = request.Results;
        html.Append("<section class=\"results\" aria-labelledby=\"practice\"><h2 id=\"practice\">How it is practised</h2>\n");
        ResultsStyles(html, request);
        Failures(html, results);
        var analyses = results.ForProcess(process.Id, process.Procedures.Select(p => p.Id).ToList(), request.Source);
        if (analyses.Count == 0)
        {
            html.Append("<p class=\"muted\">No ticket data maps onto this process yet: add a ServiceNow connection or upload an export, and the figures appear here.</p>\n");
        }
        else
        {
            var (first, figures) = analyses[0];
            html.Append($"<p class=\"provenance\">{E(Provenance(first.Data, first.Key.HandbookVersion, first.At))}</p>\n");
            if (figures.Mapping.Warning is { } warning) html.Append($"<p class=\"warning\" role=\"note\">{E(warning)}</p>\n");
            KpiTiles(html, results, first.Key.Source, process, figures);
            html.Append("<h3>Mapping coverage and conformance</h3><div class=\"table\"><table class=\"conformance\"><thead><tr><th scope=\"col\">Procedure</th>")
                .Append("<th scope=\"col\">Mapping coverage</th><th scope=\"col\">Log fitness</th><th scope=\"col\">Cases that fit</th><th scope=\"col\">Most frequent deviations</th></tr></thead><tbody>");
            foreach (var (result, f) in analyses)
            {
                var procedure = process.FindProcedure(result.Key.Procedure);
                var deviations = string.Join("; ", f.Deviations.Take(3).Select(d => $"{StepName(procedure, d.Step)} {Plumb.Mining.Reporting.HtmlReport.Word(d.Kind)} in {d.Cases:N0} cases"));
                html.Append($"<tr><th scope=\"row\">{(procedure is null ? E(result.Key.Procedure) : Link(request, Links.Procedure(process.Id, procedure.Id), procedure.Name))}</th>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{E(f.Mapping.Describe())}</td>");
                if (f.Fitness is not { } fit)
                {
                    // No event shows a checked step: the reason instead of a fitness of 1 and "every case fits".
                    html.Append($"<td colspan=\"2\" class=\"not-measurable\">{E(f.NotMeasurable ?? "not measurable")}</td>");
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{fit.LogFitness:F3}</td>")
                        .Append(CultureInfo.InvariantCulture, $"<td>{fit.FittingCases:N0} of {fit.Cases:N0} ({fit.PercentFittingCases:F1} %)</td>");
                }

                html.Append($"<td>{(deviations.Length == 0 ? "<span class=\"muted\">none</span>" : E(deviations))}</td></tr>");
            }

            html.Append("</tbody></table></div>\n");
            var others = results.OtherSources(process.Id, first.Key.Source);
            if (others.Count > 0)
            {
                // Each other source is a link to this page with its figures: a reader compares an upload with the live connection.
                var links = others.Select(o => Link(request, $"{Links.Process(process.Id)}?source={Uri.EscapeDataString(o.Key.Source)}", o.Data.Title));
                html.Append($"<p class=\"other-sources\">Also computed from: {string.Join("; ", links)}.</p>\n");
            }
        }

        DriftItems(html, results, process.Id, "Drift between the handbook and ServiceNow");
        html.Append("</section>\n");
    }

    private static void KpiTiles(StringBuilder html, ResultsView results, string source, Process process, ProcessFigures figures)
    {
        if (figures.Kpis.Count == 0) return;
        html.Append("<h3>Key performance indicators</h3><ul class=\"kpi-tiles\">");
        foreach (var kpi in figures.Kpis)
        {
            var reason = kpi.Error ?? kpi.NotMeasurable ?? (kpi.Value is null ? "no case in the data has what the measure needs" : null);
            var target = kpi.Target is { } t ? $"target {(kpi.Direction == KpiDirection.Lower ? "≤" : "≥")} {ResultsComputation.Describe(t, kpi.Unit)}" : "no target";
            if (reason is not null)
            {
                // Never a green 0 % or 100 % from data that is not there: the tile says why there is no figure.
                html.Append($"<li class=\"kpi-tile not-measurable\" data-kpi=\"{E(kpi.Id)}\"><span class=\"kpi-name\">{E(kpi.Name)}</span>")
                    .Append($"<span class=\"kpi-value\">not measurable</span><span class=\"kpi-reason\">{E(reason)}</span>")
                    .Append($"<span class=\"kpi-target\">{E(target)}</span></li>");
                continue;
            }

            var rag = kpi.Status is { } s ? ResultsComputation.Word(s) : "none";
            var trend = results.Trend(source, process.Id, kpi.Id).Where(v => v.Value is not null).ToList();
            html.Append($"<li class=\"kpi-tile rag-{rag}\" data-kpi=\"{E(kpi.Id)}\"><span class=\"kpi-name\">{E(kpi.Name)}</span>")
                .Append($"<span class=\"kpi-value\">{E(ResultsComputation.Describe(kpi.Value, kpi.Unit))}</span>")
                .Append($"<span class=\"kpi-target\">{E(target)}</span>")
                .Append($"<span class=\"rag\">{(kpi.Status is null ? "no target" : rag)}</span>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"kpi-cases\">{kpi.Cases:N0} cases</span>");
            Sparkline(html, kpi, trend);
            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }

    // A line of the values per period, oldest left, with an arrow for the last change; its words are in the label for screen readers.
    private static void Sparkline(StringBuilder html, KpiFigure kpi, IReadOnlyList<KpiPeriodValue> trend)
    {
        if (trend.Count < 2)
        {
            if (trend.Count == 1) html.Append($"<span class=\"trend\">{E(trend[0].Period)} only</span>");
            return;
        }

        const double width = 120, height = 28;
        var values = trend.Select(v => v.Value!.Value).ToList();
        double min = values.Min(), max = values.Max();
        var span = max - min is var d && d > 0 ? d : 1;
        var points = string.Join(" ", values.Select((v, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i * width / (values.Count - 1):F1},{height - 2 - ((v - min) / span * (height - 4)):F1}")));
        var last = values[^1] - values[^2];
        var better = last == 0 ? (bool?)null : kpi.Direction == KpiDirection.Lower ? last < 0 : last > 0;
        var arrow = last > 0 ? "↑" : last < 0 ? "↓" : "→";
        var words = string.Join(", ", trend.Select(v => $"{v.Period} {ResultsComputation.Describe(v.Value, kpi.Unit)}"));
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"trend\"><svg class=\"sparkline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" ")
            .Append($"aria-label=\"Trend by month: {E(words)}\"><polyline points=\"{points}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/></svg>")
            .Append($"<span class=\"arrow {(better is null ? "flat" : better.Value ? "better" : "worse")}\" title=\"since {E(trend[^2].Period)}\">{arrow}</span></span>");
    }

    private static void DriftItems(StringBuilder html, ResultsView results, string? process, string heading)
    {
        html.Append($"<h3>{E(heading)}</h3>");
        if (results.DriftOf(process) is not { } drift)
        {
            html.Append("<p class=\"muted\">No ServiceNow configuration has been synced, so drift is not checked: it needs a connection.</p>\n");
            return;
        }

        html.Append($"<p class=\"provenance\">{E(Provenance(drift.Result.Data, drift.Result.Key.HandbookVersion, drift.Result.At))}</p>");
        if (drift.Items.Count == 0)
        {
            html.Append("<p>No drift: the configuration agrees with the handbook here.</p>\n");
            return;
        }

        html.Append("<div class=\"table\"><table class=\"drift\"><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">About</th><th scope=\"col\">Finding</th>")
            .Append("<th scope=\"col\">Change</th></tr></thead><tbody>");
        foreach (var item in drift.Items)
        {
            html.Append($"<tr><td><code>{E(item.Code)}</code></td><td>{E(item.Subject)}</td><td>{E(item.Message)}</td><td>{E(item.Fix)}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Failures(StringBuilder html, ResultsView results)
    {
        foreach (var run in results.Runs.Where(r => r.Error is not null))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"error\" role=\"alert\">The figures from {E(run.Data.Title)} could not be computed against handbook version {run.Key.HandbookVersion} ")
                .Append(CultureInfo.InvariantCulture, $"({run.At:d MMM yyyy HH:mm} UTC): {E(run.Error)}</p>\n");
        }
    }

    /// <summary>How a step is practised: cases, median time to the next event, who does it, deviations at the step.</summary>
    private static void StepPracticeSection(StringBuilder html, PageRequest request, Process process, Procedure procedure, Step step)
    {
        if (request.Site.IsStatic) return;
        var analysis = request.Results.ForProcess(process.Id, process.Procedures.Select(p => p.Id).ToList())
            .FirstOrDefault(a => a.Result.Key.Procedure == procedure.Id);
        html.Append("<h2>How this step is practised</h2>");
        if (analysis.Figures?.Steps.FirstOrDefault(s => s.Step == step.Id) is not { } practice)
        {
            html.Append("<p class=\"muted\">No ticket data maps onto this procedure yet.</p>\n");
            return;
        }

        var result = analysis.Result;
        html.Append($"<p class=\"provenance\">{E(Provenance(result.Data, result.Key.HandbookVersion, result.At))}</p>");
        if (practice.Cases == 0)
        {
            html.Append("<p class=\"muted\">No event of the data maps onto this step: either it is not done, or its tool mapping does not match what the tool records.</p>\n");
            return;
        }

        var median = practice.MedianHours is { } h ? ResultsComputation.Describe(h, "hours") : "no next event to measure";
        html.Append("<dl class=\"practice\">")
            .Append(CultureInfo.InvariantCulture, $"<dt>Cases</dt><dd>{practice.Cases:N0} ({practice.Events:N0} events)</dd>")
            .Append($"<dt>Median time to the next event</dt><dd>{E(median)}</dd>")
            .Append($"<dt>Groups</dt><dd>{Workers(practice.Groups, "the data has no assignment group")}</dd>")
            .Append($"<dt>People</dt><dd>{Workers(practice.Resources, "the data has no resource")}</dd>")
            .Append("<dt>Deviations at the step</dt><dd>")
            .Append(practice.Deviations.Count == 0 ? "none"
                : E(string.Join("; ", practice.Deviations.Select(d => $"{Plumb.Mining.Reporting.HtmlReport.Word(d.Kind)} in {d.Cases:N0} cases"))))
            .Append("</dd></dl>\n");
    }

    private static string Workers(IReadOnlyList<Plumb.Mining.Reporting.StepWorker> workers, string none) => workers.Count == 0
        ? $"<span class=\"muted\">{E(none)}</span>"
        : E(string.Join(", ", workers.Take(5).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} ({w.Events:N0})"))));

    private static string StepName(Procedure? procedure, string step) => procedure?.FindStep(step)?.Name ?? step;
}
