namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;
using static Plumb.Server.Portal.Html;

public sealed partial class PortalRenderer
{
    public PortalPage Step(PageRequest request, string processId, string procedureId, string stepId)
    {
        if (request.FindProcess(processId) is not { } process) return NotFound($"There is no process '{processId}'.");
        if (process.FindProcedure(procedureId) is not { } procedure) return NotFound($"{process.Name} has no procedure '{procedureId}'.");
        if (procedure.FindStep(stepId) is not { } step) return NotFound($"{procedure.Name} has no step '{stepId}'.");
        var place = new StepPlace(process, procedure, step);
        var position = procedure.Steps.IndexOf(step);
        var html = new StringBuilder();
        html.Append($"<h1>{E(step.Name)}</h1>\n<p class=\"meta\">Step {position + 1} of {procedure.Steps.Count} in ")
            .Append($"{Link(request, Links.Procedure(process.Id, procedure.Id), procedure.Name)} · {E(Words.Of(Words.StepKinds, step.Kind))} step</p>\n");

        html.Append("<h2>Instruction</h2>");
        html.Append(string.IsNullOrWhiteSpace(step.Instruction) ? "<p class=\"muted\">No instruction written yet.</p>"
            : $"<div class=\"instruction\">{MarkdownRenderer.ToHtml(step.Instruction)}</div>\n");
        BulletList(html, "Activities", step.Activities);

        html.Append("<h2>Who</h2><dl class=\"raci\">");
        Raci(html, request, "Responsible", step.Raci.Responsible);
        Raci(html, request, "Accountable", step.Raci.Accountable);
        Raci(html, request, "Consulted", step.Raci.Consulted);
        Raci(html, request, "Informed", step.Raci.Informed);
        html.Append("</dl>\n");

        StepFlows(html, request, place, "Inputs", "From", "Produced by", step.Inputs, HandbookQueries.Producers);
        StepFlows(html, request, place, "Outputs", "To", "Consumed by", step.Outputs, HandbookQueries.Consumers);
        Next(html, request, place, position);
        Tool(html, step.Tool);
        StepPracticeSection(html, request, process, procedure, step);
        Review(html, step.Review);
        FindingsTable(html, "Findings", step.Findings);
        Feedback(html, request, place);
        return new PortalPage(step.Name, html.ToString(),
            Crumbs: [("Home", Links.Home), (process.Name, Links.Process(process.Id)), (procedure.Name, Links.Procedure(process.Id, procedure.Id))]);
    }

    private static void Raci(StringBuilder html, PageRequest request, string label, List<string> roles) =>
        html.Append($"<dt>{label}</dt><dd>{(roles.Count == 0 ? "<span class=\"muted\">nobody</span>" : RoleLinks(request, roles))}</dd>");

    private static void StepFlows(StringBuilder html, PageRequest request, StepPlace place, string heading, string partyHeading, string partnerHeading,
        List<DataFlow> flows, Func<Handbook, IEnumerable<Process>, StepPlace, DataFlow, IReadOnlyList<StepPlace>> partners)
    {
        html.Append($"<h2>{heading}</h2>");
        if (flows.Count == 0) { html.Append("<p class=\"muted\">None recorded.</p>\n"); return; }
        html.Append($"<div class=\"table\"><table><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">{partyHeading}</th>")
            .Append($"<th scope=\"col\">{partnerHeading}</th><th scope=\"col\">Note</th></tr></thead><tbody>");
        foreach (var flow in flows)
        {
            var steps = partners(request.Handbook, request.Processes, place, flow);
            var stepLinks = steps.Count == 0 ? "<span class=\"muted\">no step</span>"
                : string.Join("<br>", steps.Select(s => Link(request, s.Url, s.Process == place.Process ? s.Step.Name : $"{s.Process.Name} › {s.Step.Name}")));
            html.Append($"<tr><td>{E(RecordName(request, flow.Record))}</td><td>{ReferenceLink(request, flow.Party, place.Process, place.Procedure)}</td>")
                .Append($"<td>{stepLinks}</td><td>{E(flow.Note)}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Next(StringBuilder html, PageRequest request, StepPlace place, int position)
    {
        var (process, procedure, step) = (place.Process, place.Procedure, place.Step);
        html.Append("<h2>Next</h2>");
        if (step.Decision is { Branches.Count: > 0 } decision)
        {
            html.Append($"<p>{E(decision.Question ?? "Decide")} ({E(Words.Of(Words.DecisionKinds, decision.Kind))})</p><ul>");
            foreach (var branch in decision.Branches)
            {
                html.Append($"<li>{E(branch.When)}: {ReferenceLink(request, branch.Goto, process, procedure)}</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            var next = procedure.NextOf(position);
            html.Append($"<p>{ReferenceLink(request, next, process, procedure)}</p>");
        }

        if (step.Call is { } call) html.Append($"<p>Hands over to {ReferenceLink(request, call, process, procedure)}.</p>");
        html.Append('\n');
    }

    private static void Tool(StringBuilder html, ToolMapping? tool)
    {
        html.Append("<h2>In the tool</h2>");
        if (tool is null) { html.Append("<p class=\"muted\">Not mapped to the tool yet.</p>\n"); return; }
        html.Append("<dl class=\"tool\">");
        if (tool.Table is { } table) html.Append($"<dt>Table</dt><dd><code>{E(table)}</code></dd>");
        if (tool.States.Count > 0) html.Append($"<dt>{E(tool.EffectiveField)} values</dt><dd>{string.Join(", ", tool.States.Select(s => $"<code>{E(s)}</code>"))}</dd>");
        if (tool.Groups.Count > 0) html.Append($"<dt>Assignment groups</dt><dd>{E(string.Join(", ", tool.Groups))}</dd>");
        if (tool.Activities.Count > 0) html.Append($"<dt>Event-log activities</dt><dd>{E(string.Join(", ", tool.Activities))}</dd>");
        html.Append("</dl>\n");
    }

    private static void Review(StringBuilder html, ReviewVerdict? review)
    {
        if (review is null) return;
        static string Answer(bool? value) => value switch { true => "yes", false => "no", _ => "not answered" };
        html.Append("<h2>Review</h2><dl class=\"review\">")
            .Append($"<dt>Necessary</dt><dd>{Answer(review.Necessary)}</dd><dt>Efficient</dt><dd>{Answer(review.Efficient)}</dd>")
            .Append($"<dt>Responsible role in place</dt><dd>{Answer(review.RoleInPlace)}</dd>");
        if (review.Notes is { } notes) html.Append($"<dt>Notes</dt><dd>{E(notes)}</dd>");
        html.Append("</dl>\n");
    }
}
