namespace Plumb.Server.Portal;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    public PortalPage Process(PageRequest request, string processId)
    {
        if (request.FindProcess(processId) is not { } process) return NotFound($"There is no process '{processId}'.");
        var html = new StringBuilder();
        html.Append($"<h1>{E(process.Name)}</h1>\n<p class=\"meta\">{StatusBadge(process.Status)}{HandbookVersion(request)}{VersionLabel(process)}");
        if (process.Owner is { } owner) html.Append($" · owner {RoleLink(request, owner)}");
        html.Append("</p>\n");
        Paragraph(html, "Mission", process.Mission);
        Paragraph(html, "Purpose", process.Purpose);
        Paragraph(html, "Scope", process.Scope);
        BulletList(html, "Objectives", process.Objectives);
        BulletList(html, "Principles", process.Principles);
        BulletList(html, "Triggers", process.Triggers);
        if (process.Csfs.Count > 0)
        {
            html.Append("<h2>Critical success factors</h2><ul>");
            foreach (var csf in process.Csfs) html.Append($"<li id=\"csf-{E(csf.Id)}\">{E(csf.Text)}</li>");
            html.Append("</ul>\n");
        }

        Kpis(html, process);
        Practice(html, request, process);
        Flows(html, request, process, "Inputs", "From", process.Inputs);
        Flows(html, request, process, "Outputs", "To", process.Outputs);

        html.Append("<h2>Procedures</h2>\n");
        if (process.Procedures.Count == 0) html.Append("<p>No procedures yet.</p>");
        var drawn = false;
        foreach (var procedure in process.Procedures)
        {
            html.Append($"<section class=\"procedure\" aria-labelledby=\"proc-{E(procedure.Id)}\"><h3 id=\"proc-{E(procedure.Id)}\">")
                .Append(Link(request, Links.Procedure(process.Id, procedure.Id), procedure.Name)).Append("</h3>");
            if (procedure.Purpose is { } purpose) html.Append($"<p>{E(purpose)}</p>");
            drawn |= Diagram(html, request, process, procedure, $"Flow of “{E(procedure.Name)}”, one lane per role. Select a step to open it.");

            StepList(html, request, process, procedure);
            html.Append("</section>\n");
        }

        if (drawn) DiagramScript(html, request);
        FindingsTable(html, "Findings", process.Findings);
        return new PortalPage(process.Name, html.ToString(), Crumbs: [("Home", Links.Home)]);
    }

    public PortalPage Procedure(PageRequest request, string processId, string procedureId)
    {
        if (request.FindProcess(processId) is not { } process) return NotFound($"There is no process '{processId}'.");
        if (process.FindProcedure(procedureId) is not { } procedure) return NotFound($"{process.Name} has no procedure '{procedureId}'.");
        var html = new StringBuilder();
        html.Append($"<h1>{E(procedure.Name)}</h1>\n<p class=\"meta\">A procedure of {Link(request, Links.Process(process.Id), process.Name)}</p>\n");
        Paragraph(html, "Purpose", procedure.Purpose);
        Paragraph(html, "Trigger", procedure.Trigger);
        Paragraph(html, "Outcome", procedure.Outcome);
        if (procedure.Steps.Count > 0)
        {
            html.Append("<h2>Diagram</h2>");
            if (Diagram(html, request, process, procedure, "One lane per role. Select a step to open it.")) DiagramScript(html, request);
        }

        html.Append("<h2>Steps</h2>");
        StepList(html, request, process, procedure);
        FindingsTable(html, "Findings", procedure.Findings);
        return new PortalPage(procedure.Name, html.ToString(), Crumbs: [("Home", Links.Home), (process.Name, Links.Process(process.Id))]);
    }

    private static void StepList(StringBuilder html, PageRequest request, Process process, Procedure procedure)
    {
        html.Append("<ol class=\"steps\">");
        foreach (var step in procedure.Steps)
        {
            html.Append($"<li>{Link(request, Links.Step(process.Id, procedure.Id, step.Id), step.Name)}");
            if (step.Raci.Responsible.Count > 0) html.Append($" <span class=\"meta\">— {RoleLinks(request, step.Raci.Responsible)}</span>");
            html.Append("</li>");
        }

        html.Append("</ol>\n");
    }

    private static void Kpis(StringBuilder html, Process process)
    {
        if (process.Kpis.Count == 0) return;
        html.Append("<h2>Key performance indicators</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">KPI</th><th scope=\"col\">Definition</th>")
            .Append("<th scope=\"col\">Target</th><th scope=\"col\">Measure</th><th scope=\"col\">Evidences</th></tr></thead><tbody>");
        foreach (var kpi in process.Kpis)
        {
            var target = kpi.Target is { } t
                ? $"{(kpi.Direction == KpiDirection.Lower ? "≤" : "≥")} {t.ToString("0.###", CultureInfo.InvariantCulture)} {E(kpi.Unit)}"
                : "<span class=\"muted\">no target</span>";
            var csf = kpi.Csf is { } c ? process.Csfs.Find(s => s.Id == c)?.Text ?? c : "";
            html.Append($"<tr><th scope=\"row\">{E(kpi.Name)}</th><td>{E(kpi.Definition)}</td><td>{target}</td>")
                .Append($"<td><code>{E(kpi.Measure)}</code></td><td>{E(csf)}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Flows(StringBuilder html, PageRequest request, Process process, string heading, string partyHeading, List<DataFlow> flows)
    {
        if (flows.Count == 0) return;
        html.Append($"<h2>{E(heading)}</h2><div class=\"table\"><table><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">{E(partyHeading)}</th>")
            .Append("<th scope=\"col\">Note</th></tr></thead><tbody>");
        foreach (var flow in flows)
        {
            html.Append($"<tr><td>{E(RecordName(request, flow.Record))}</td><td>{ReferenceLink(request, flow.Party, process, null)}</td><td>{E(flow.Note)}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }
}
