namespace Plumb.Server.Editor.Web;

using System.Text;
using Plumb.Server.Editor.Services;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using static Plumb.Server.Editor.Web.EditorHtml;
using Plumb.Server.Accounts;

/// <summary>The review workbook (the summary of a workshop) and the feedback inbox.</summary>
internal static partial class EditorPages
{
    private static async Task<IResult> WorkbookAsync(string process, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var copy = await editor.WorkingCopyAsync(Documents.Process(process), PlumbClaims.Actor(context.User), cancellationToken);
        if (copy is null) return EditorHtml.NotFound($"The handbook has no process '{process}'.");
        var handbook = await editor.HandbookAsync(cancellationToken);
        var p = Documents.ReadProcess(copy.Content);
        string Role(string id) => handbook.FindRole(id) is { } r ? $"{r.Name}{(r.InPlace ? "" : " (not in place)")}" : id;
        var body = new StringBuilder();
        body.Append($"<p>Process <strong>{E(p.Name)}</strong>, handbook version <span class=\"handbook-version\">{copy.BaseNumber}</span>{(copy.IsDraft ? " with your unsaved workshop answers" : copy.Proposal is { } proposal ? $" with your proposal {proposal.Id}" : "")}.</p>");
        body.Append("<section aria-labelledby=\"wb-process\"><h2 id=\"wb-process\">Process review</h2><dl>");
        Item(body, "Mission", p.Mission);
        Item(body, "Purpose", p.Purpose);
        Item(body, "Scope", p.Scope);
        Item(body, "Objectives", string.Join("; ", p.Objectives));
        Item(body, "Critical success factors", string.Join("; ", p.Csfs.Select(c => c.Text)));
        Item(body, "Triggers", string.Join("; ", p.Triggers));
        Item(body, "Inputs", string.Join("; ", p.Inputs.Select(Flow)));
        Item(body, "Outputs", string.Join("; ", p.Outputs.Select(Flow)));
        Item(body, "KPIs", string.Join("; ", p.Kpis.Select(k => $"{k.Name}: target {k.Target?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} {k.Unit}")));
        body.Append("</dl>");
        Findings(body, p.Findings);
        body.Append("</section>");
        foreach (var procedure in p.Procedures)
        {
            body.Append($"<section aria-labelledby=\"wb-{E(procedure.Id)}\"><h2 id=\"wb-{E(procedure.Id)}\">Procedure: {E(procedure.Name)}</h2>");
            body.Append("<table><caption>Step review</caption><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Necessary?</th>");
            body.Append("<th scope=\"col\">Efficient?</th><th scope=\"col\">Responsible</th><th scope=\"col\">Role in place?</th>");
            body.Append("<th scope=\"col\">In / out</th><th scope=\"col\">Notes</th><th scope=\"col\">Findings and planned updates</th></tr></thead><tbody>");
            foreach (var step in procedure.Steps)
            {
                var review = step.Review;
                body.Append($"<tr><th scope=\"row\">{E(step.Name)}</th><td>{Answer(review?.Necessary)}</td><td>{Answer(review?.Efficient)}</td>");
                body.Append($"<td>{E(string.Join(", ", step.Raci.Responsible.Select(Role)))}</td><td>{Answer(review?.RoleInPlace)}</td>");
                body.Append($"<td>{E(string.Join("; ", step.Inputs.Select(f => "in: " + Flow(f)).Concat(step.Outputs.Select(f => "out: " + Flow(f)))))}</td>");
                body.Append($"<td>{E(review?.Notes)}</td><td>");
                foreach (var f in step.Findings)
                    body.Append($"<p><strong>{E(f.Id)}</strong> ({E(Words.Of(Words.FindingSeverities, f.Severity))}): {E(f.Text)}{(f.PlannedUpdate is null ? "" : " — planned: " + E(f.PlannedUpdate))}</p>");
                body.Append("</td></tr>");
            }

            body.Append("</tbody></table>");
            Findings(body, procedure.Findings);
            body.Append("</section>");
        }

        var open = p.Findings.Concat(p.Procedures.SelectMany(q => q.Findings.Concat(q.Steps.SelectMany(s => s.Findings)))).ToList();
        body.Append($"<p>{open.Count} finding(s), {open.Count(f => f.PlannedUpdate is not null)} with a planned update.</p>");
        return Page($"Review workbook: {p.Name}", body.ToString(), null, process);
    }

    private static string Flow(DataFlow flow) => flow.Party is null ? flow.Record : $"{flow.Record} ({flow.Party})";

    private static string Answer(bool? value) => value switch { true => "yes", false => "no", null => "—" };

    private static void Item(StringBuilder body, string term, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) body.Append($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");
    }

    private static void Findings(StringBuilder body, List<Finding> findings)
    {
        if (findings.Count == 0) return;
        body.Append("<ul>");
        foreach (var f in findings)
            body.Append($"<li><strong>{E(f.Id)}</strong>: {E(f.Text)}{(f.PlannedUpdate is null ? "" : " — planned: " + E(f.PlannedUpdate))}</li>");
        body.Append("</ul>");
    }

    private static async Task<IResult> FeedbackAsync(string process, EditorService editor, CancellationToken cancellationToken)
    {
        var list = await editor.Store.ListFeedbackAsync(process, cancellationToken);
        var body = new StringBuilder();
        if (list.Count == 0) body.Append("<p>No feedback yet.</p>");
        foreach (var f in list)
        {
            body.Append($"<article class=\"feedback\" aria-labelledby=\"fb-{f.Id}\"><h2 id=\"fb-{f.Id}\">On step {E(f.Procedure)}/{E(f.Step)}</h2>");
            body.Append($"<p><q>{E(f.Text)}</q> — {E(f.Author)}, <time datetime=\"{f.At:O}\">{f.At:yyyy-MM-dd HH:mm} UTC</time></p>");
            if (f.Answer is not null)
            {
                body.Append($"<p>Answer from {E(f.AnsweredBy)}: {E(f.Answer)}{(f.FindingId is null ? "" : $" (finding {E(f.FindingId)})")}</p>");
            }
            else
            {
                body.Append($"<form class=\"answer\" data-feedback=\"{f.Id}\"><label>Answer <textarea name=\"answer\" required></textarea></label>");
                body.Append("<label><input type=\"checkbox\" name=\"makeFinding\"> Turn into a finding</label>");
                body.Append("<label>Severity <select name=\"severity\"><option>low</option><option selected>medium</option><option>high</option>");
                body.Append("<option>critical</option></select></label><label>Planned update <input type=\"text\" name=\"plannedUpdate\"></label>");
                body.Append("<button type=\"submit\">Send answer</button></form>");
            }

            body.Append("</article>");
        }

        return Page("Feedback from readers", body.ToString(), "forms", process,
            new Dictionary<string, string> { ["page"] = "feedback", ["process"] = process, ["document"] = Documents.Process(process) });
    }
}
