namespace Plumb.Server.Portal;

using System.Text;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using static Plumb.Server.Portal.Html;

// Readers' feedback on a step: the page where a reader tells the editors, and the editors' answers readers see
// on the step's page and on that page (https://plumb.dev/issues/20).
public sealed partial class PortalRenderer
{
    /// <summary>
    /// The page where a reader says "this is not how we do it" about a step: the published instruction, who does it, the
    /// answers given so far, and a form that needs no script. <paramref name="token"/> is the anti-forgery token the form carries;
    /// <paramref name="sent"/> says the reader's feedback just arrived, <paramref name="error"/> why it was refused.
    /// </summary>
    public PortalPage StepFeedback(PageRequest request, string processId, string procedureId, string stepId, string token, bool sent, string? error)
    {
        if (request.FindProcess(processId)?.FindProcedure(procedureId)?.FindStep(stepId) is not { } step) return NotFound("There is no such published step.");
        var process = request.FindProcess(processId)!;
        var procedure = process.FindProcedure(procedureId)!;
        var stepUrl = Links.Step(process.Id, procedure.Id, step.Id);
        var html = new StringBuilder();
        html.Append($"<h1>Feedback on “{E(step.Name)}”</h1>\n<p class=\"meta\">A step of {Link(request, Links.Procedure(process.Id, procedure.Id), procedure.Name)} ")
            .Append($"in {Link(request, Links.Process(process.Id), process.Name)}. ")
            .Append($"<a id=\"back-to-step\" href=\"{E(request.Href(stepUrl))}\">Back to the step</a></p>\n");
        html.Append("<h2>Instruction</h2>");
        html.Append(string.IsNullOrWhiteSpace(step.Instruction) ? "<p class=\"muted\">No instruction written yet.</p>"
            : $"<div class=\"instruction\" id=\"instruction\">{MarkdownRenderer.ToHtml(step.Instruction)}</div>\n");
        html.Append("<h2>Who</h2><dl class=\"raci\" id=\"raci\">");
        Raci(html, request, "Responsible", step.Raci.Responsible);
        Raci(html, request, "Accountable", step.Raci.Accountable);
        html.Append("</dl>\n");
        ReaderAnswers(html, request.Answers);
        html.Append("<h2 id=\"tell\">Tell the editors</h2>\n");
        if (sent) html.Append("<p id=\"status\" class=\"notice\" role=\"status\">Thank you: the editors will see your feedback, and their answer is shown on the step's page.</p>\n");
        if (error is not null) html.Append($"<p id=\"status\" class=\"error\" role=\"alert\">Not sent: {E(error)}.</p>\n");
        html.Append($"""
            <form class="feedback" method="post" action="{E(Links.StepFeedback(process.Id, procedure.Id, step.Id))}">
            <input type="hidden" name="__csrf" value="{E(token)}">
            <p><label for="feedback-text">Is this how you work? Tell the editors what is done differently.</label>
            <textarea id="feedback-text" name="text" rows="5" required></textarea></p>
            <p><button type="submit">Send feedback</button></p>
            </form>
            """);
        return new PortalPage($"Feedback on {step.Name}", html.ToString(), error is null ? 200 : 400,
            [("Home", Links.Home), (process.Name, Links.Process(process.Id)), (procedure.Name, Links.Procedure(process.Id, procedure.Id)), (step.Name, stepUrl)]);
    }

    // A published static site has no server to take the feedback; the server's step page lists the answers and links the form.
    private static void Feedback(StringBuilder html, PageRequest request, StepPlace place)
    {
        if (request.Site.IsStatic) return;
        ReaderAnswers(html, request.Answers);
        html.Append("<h2>Feedback</h2><p>Is this not how the work is done? ")
            .Append(Link(request, Links.StepFeedback(place.Process.Id, place.Procedure.Id, place.Step.Id), "Tell the editors"))
            .Append(".</p>\n");
    }

    // What readers said and what the editors answered: the reader's words and the answer, not who the reader was.
    private static void ReaderAnswers(StringBuilder html, IReadOnlyList<Feedback> answers)
    {
        if (answers.Count == 0) return;
        html.Append("<h2 id=\"answers\">Answers to readers</h2><ul class=\"answers\">");
        foreach (var f in answers)
        {
            html.Append($"<li class=\"answer\"><p class=\"asked\">A reader wrote: <q>{E(f.Text)}</q> <span class=\"muted\">(<time datetime=\"{f.At:O}\">{f.At:yyyy-MM-dd}</time>)</span></p>")
                .Append($"<p class=\"answered\"><strong>{E(f.AnsweredBy)} answered:</strong> {E(f.Answer)}")
                .Append(f.FindingId is null ? "" : $" <span class=\"muted\">(recorded as finding {E(f.FindingId)})</span>").Append("</p></li>");
        }

        html.Append("</ul>\n");
    }
}
