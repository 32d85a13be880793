namespace Plumb.Mining.Reporting;

using System.Globalization;
using Plumb.Mining.Conformance;
using Plumb.Mining.Kpis;
using static Plumb.Mining.Reporting.Svg;

/// <summary>
/// Writes an <see cref="AnalysisReport"/> as one self-contained HTML page: inline CSS and SVG, no scripts, fonts or CDNs.
/// KPI tiles with trends, the process map of practice beside the documented model, variants and conformance hot spots.
/// </summary>
public static class HtmlReport
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#1f2937;max-width:1280px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
        .muted{color:#6b7280}.tiles{display:flex;flex-wrap:wrap;gap:12px}
        .tile{border:1px solid #e5e7eb;border-left:6px solid #9ca3af;border-radius:8px;padding:10px 12px;width:280px}
        .tile.green{border-left-color:#16a34a}.tile.amber{border-left-color:#f59e0b}.tile.red{border-left-color:#dc2626}
        .tile .v{font-size:24px;font-weight:600}.tile .n{font-weight:600}.badge{font-size:11px;padding:1px 6px;border-radius:9px;color:#fff}
        .badge.green{background:#15803d}.badge.amber{background:#f59e0b;color:#1f2937}.badge.red{background:#b91c1c}
        .side{display:flex;gap:24px;flex-wrap:wrap}.side>div{flex:1;min-width:420px;overflow-x:auto}svg.map{max-width:100%;height:auto}
        a:focus-visible,[tabindex]:focus-visible{outline:3px solid #1b1f24;outline-offset:0;box-shadow:0 0 0 6px #ffbf47}
        table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #f3f4f6;text-align:left}td.r,th.r{text-align:right}
        svg text{font-size:12px;fill:#1f2937}.node{fill:#eef2ff;stroke:#6366f1}.target{stroke:#dc2626;stroke-dasharray:4 3}
        .figures td:first-child{color:#6b7280}.tile.grey{border-left-color:#d1d5db;background:#f9fafb}.tile.grey .v{color:#6b7280;font-size:18px}
        .coverage{padding:8px 12px;border-radius:8px;background:#f3f4f6;margin:8px 0}.coverage.low{background:#fef3c7;border:1px solid #f59e0b}
        """;

    /// <summary>Writes the page.</summary>
    public static void Write(AnalysisReport report, TextWriter o)
    {
        var s = report.Summary;
        o.Write($"<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width, initial-scale=1\">");
        o.Write($"<title>{E(report.Title)}</title><style>{Css}</style></head><body><main>");
        o.Write($"<h1>{E(report.Title)}</h1><p class=muted>{s.Cases:N0} cases · {s.Events:N0} events · {s.Activities} activities · {s.Variants:N0} variants · ");
        o.Write($"{s.First?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {s.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · procedure {E(report.Model.Process)}/{E(report.Model.Procedure)}</p>");
        var m = report.Mapping;
        o.Write($"<p class='coverage{(m.Low ? " low" : "")}'><b>{E(Capital(m.Describe()))}</b>");
        if (m.Warning is { } warning) o.Write($"<br>Warning: {E(warning)}.");
        o.Write("</p>");
        Kpis(report, o);
        Maps(report, o);
        Conformance(report, o);
        Variants(report, o);
        Groups(report, o);
        o.Write("</main></body></html>\n");
    }

    private static void Kpis(AnalysisReport report, TextWriter o)
    {
        o.Write("<h2>KPIs against targets</h2><div class=tiles>");
        foreach (var k in report.Kpis)
        {
            var status = k.Overall?.Status;
            var css = k.NotMeasurable is not null ? "grey" : status?.ToString().ToLowerInvariant() ?? "";
            o.Write($"<div class='tile {css}'><div class=n>{E(k.Name)}</div><div class=muted>{E(k.Measure ?? "")}</div>");
            if (k.NotMeasurable is { } reason)
            {
                o.Write($"<div class=v>not measurable</div><div class=muted>{E(Capital(reason))}.</div></div>");
                continue;
            }

            if (k.Error is not null)
            {
                o.Write($"<p>cannot evaluate: {E(k.Error)}</p></div>");
                continue;
            }

            var value = k.Overall?.Value is { } v ? F(v) : "–";
            o.Write($"<div class=v>{value} <small>{E(k.Unit ?? "")}</small> {(status is { } st ? $"<span class='badge {css}'>{st}</span>" : "")}</div>");
            o.Write($"<div class=muted>target {(k.Target is { } t ? F(t) : "none")} · {k.Overall?.Cases:N0} cases</div>");
            o.Write(Trend(k.ByPeriod.Select(c => (c.Key, c.Value)).ToList(), k.Target));
            var worst = k.ByGroup.Where(c => c.Status == RagStatus.Red).Take(3).Select(c => c.Key).ToList();
            if (worst.Count > 0) o.Write($"<div class=muted>red in: {E(string.Join(", ", worst))}</div>");
            o.Write("</div>");
        }

        if (report.Kpis.Count == 0) o.Write("<p class=muted>The process has no KPIs.</p>");
        o.Write("</div>");
    }

    private static void Maps(AnalysisReport report, TextWriter o)
    {
        o.Write("<h2>Process map: practice beside the documented model</h2><div class=side><div tabindex=0 role=region aria-label='As practised'><h3>As practised (directly-follows, top 40 flows)</h3>");
        var dfg = report.Dfg;
        var edges = dfg.Edges.Take(40).ToList();
        var starts = dfg.StartActivities.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        var order = starts.Concat(dfg.Activities.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)).Distinct().ToList();
        o.Write(Map(order.Select(a => (a, $"{a}\n{dfg.Activities[a]:N0} events")).ToList(),
            edges.Select(e => (e.From, e.To, (double)e.Count, $"{e.Count:N0} · median {Hours(e.MedianHours)}")).ToList(), starts, "#2563eb", "practice"));
        o.Write("</div><div tabindex=0 role=region aria-label='As documented'><h3>As documented</h3>");
        var steps = report.Model.Steps.Select(x => (x.Id, $"{x.Name}\n[{x.Id}]")).Append(("end", "end")).ToList();
        o.Write(Map(steps, report.Model.Flows.Select(f => (f.From, f.To, 1.0, f.Condition ?? "")).ToList(),
            report.Model.Steps.Take(1).Select(x => x.Id).ToList(), "#6b7280", "model"));
        o.Write("</div></div>");
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Hours(double hours) => hours < 1 ? $"{F(hours * 60)} min" : hours < 48 ? $"{F(hours)} h" : $"{F(hours / 24)} d";

    private static void Conformance(AnalysisReport report, TextWriter o)
    {
        var f = report.Conformance.Overall;
        o.Write("<h2>Conformance to the documented procedure (token-based replay)</h2>");
        // No event shows a checked step: every case would "fit", so the reason stands where the figures would.
        if (report.Conformance.NotMeasurable is { } why) o.Write($"<p class='coverage low not-measurable' role=note><b>{E(Capital(why))}</b></p>");
        o.Write("<table class=figures>");
        if (report.Conformance.Measurable)
        {
            o.Write($"<tr><td>log fitness</td><td>{f.LogFitness:F4}</td></tr><tr><td>average trace fitness</td><td>{f.AverageTraceFitness:F4}</td></tr>");
            o.Write($"<tr><td>fitting cases</td><td>{f.FittingCases:N0} of {f.Cases:N0} ({f.PercentFittingCases:F1}%)</td></tr>");
            o.Write($"<tr><td>tokens</td><td>produced {f.Produced:N0}, consumed {f.Consumed:N0}, missing {f.Missing:N0}, remaining {f.Remaining:N0}</td></tr>");
        }

        o.Write($"<tr><td>events mapped to steps</td><td>{report.MappedEvents:N0} of {report.Summary.Events:N0} ({report.Mapping.EventPercent:F1}%)</td></tr>");
        o.Write($"<tr><td>cases with every event mapped</td><td>{report.Mapping.MappedCases:N0} of {report.Mapping.Cases:N0} ({report.Mapping.CasePercent:F1}%)</td></tr></table>");
        o.Write("<h3>Hot spots: deviations by step (cases)</h3>");
        // Steps by the names people know them by; the id only when the documented model has no such step.
        var names = report.Model.Steps.GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        o.Write(Bars(report.Conformance.Deviations.Take(15)
            .Select(d => ($"{names.GetValueOrDefault(d.Step, d.Step)} — {Word(d.Kind)}", (double)d.Cases, Color(d.Kind))).ToList()));
        if (report.Unmapped.Count > 0)
        {
            o.Write("<h3>Activities that map to no step</h3><table><tr><th>activity</th><th class=r>events</th></tr>");
            foreach (var u in report.Unmapped.Take(15)) o.Write($"<tr><td>{E(u.Activity)}</td><td class=r>{u.Events:N0}</td></tr>");
            o.Write("</table>");
        }

        if (!report.Conformance.Measurable) return;
        o.Write("<h3>Where practice departs: fitness by group, priority and month</h3><div class=side>");
        foreach (var dimension in report.Conformance.Breakdown.GroupBy(b => b.Dimension))
        {
            o.Write($"<div tabindex=0 role=region aria-label='Fitness by {E(dimension.Key)}'><table><tr><th>{E(dimension.Key)}</th><th class=r>cases</th><th class=r>fitness</th><th class=r>fitting</th></tr>");
            foreach (var b in dimension.OrderBy(b => b.Figures.LogFitness).Take(12))
            {
                o.Write($"<tr><td>{E(b.Key)}</td><td class=r>{b.Figures.Cases:N0}</td><td class=r>{b.Figures.LogFitness:F3}</td><td class=r>{b.Figures.PercentFittingCases:F1}%</td></tr>");
            }

            o.Write("</table></div>");
        }

        o.Write("</div>");
    }

    private static void Variants(AnalysisReport report, TextWriter o)
    {
        o.Write("<h2>Variants (top 10)</h2>");
        o.Write(Bars(report.Variants.Take(10).Select(v => (string.Join(" › ", v.Activities), Math.Round(v.Coverage * 100, 1), "#6366f1")).ToList(), "%"));
    }

    private static void Groups(AnalysisReport report, TextWriter o)
    {
        var flow = report.Flow;
        o.Write($"<h2>Rework, handovers and ping-pong</h2><p>{flow.CasesWithRework:N0} case(s) repeat an activity; {flow.CasesWithPingPong:N0} case(s) bounced between groups.</p><div class=side><div tabindex=0 role=region aria-label=Handovers><h3>Handovers</h3>");
        o.Write(Bars(flow.Handovers.Take(10).Select(h => ($"{h.From} → {h.To}", (double)h.Count, "#0891b2")).ToList()));
        o.Write("</div><div tabindex=0 role=region aria-label=Ping-pong><h3>Ping-pong</h3>");
        o.Write(Bars(flow.PingPong.Take(10).Select(p => ($"{p.GroupA} ↔ {p.GroupB}", (double)p.Cases, "#dc2626")).ToList()));
        o.Write("</div></div>");
        if (report.CrossProcess.Count > 0)
        {
            o.Write("<h3>Flow across processes</h3><table><tr><th>from</th><th>to</th><th>via</th><th class=r>links</th><th class=r>share</th><th class=r>median h</th></tr>");
            foreach (var l in report.CrossProcess) o.Write($"<tr><td>{E(l.FromTable)}</td><td>{E(l.ToTable)}</td><td>{E(l.Field)}</td><td class=r>{l.Links:N0}</td><td class=r>{l.Share:P1}</td><td class=r>{(l.MedianHours is { } h ? F(h) : "–")}</td></tr>");
            o.Write("</table>");
        }
    }

    /// <summary>A deviation kind in words: skipped, out of order, repeated, undocumented (the report and the portal say the same).</summary>
    public static string Word(DeviationKind kind) => kind switch
    {
        DeviationKind.Skipped => "skipped",
        DeviationKind.OutOfOrder => "out of order",
        DeviationKind.Repeated => "repeated",
        _ => "undocumented",
    };

    private static string Color(DeviationKind kind) => kind switch
    {
        DeviationKind.Skipped => "#dc2626",
        DeviationKind.OutOfOrder => "#f59e0b",
        DeviationKind.Repeated => "#8b5cf6",
        _ => "#6b7280",
    };
}
