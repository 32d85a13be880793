namespace Plumb.Server.Editor.Web;

using System.Text;
using Plumb.Server.Editor.Services;
using static Plumb.Server.Editor.Web.EditorHtml;

/// <summary>What readers reach: the published text of a step with a form to say "this is not how we do it".</summary>
internal static class ReaderPages
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) => app.MapGet("/feedback/{process}/{procedure}/{step}", StepAsync);

    private static async Task<IResult> StepAsync(
        string process, string procedure, string step, HttpContext http, EditorService editor, CancellationToken cancellationToken)
    {
        var handbook = await editor.HandbookAsync(cancellationToken);
        var found = handbook.FindProcess(process)?.FindProcedure(procedure)?.FindStep(step);
        // Readers are not editors: a step that is not there is the portal's own "not found" page.
        if (found is null)
        {
            return await Portal.PortalEndpoints.RenderAsync(http, (_, _) => Portal.PortalRenderer.NotFound("There is no such published step."),
                cancellationToken, useCache: false);
        }

        var body = new StringBuilder();
        body.Append($"<p>Published step of {E(handbook.FindProcess(process)!.Name)} / {E(handbook.FindProcess(process)!.FindProcedure(procedure)!.Name)}.</p>");
        body.Append($"<h2>Instruction</h2><div class=\"instruction\" id=\"instruction\">{Portal.MarkdownRenderer.ToHtml(found.Instruction)}</div>");
        body.Append("<h2>Who</h2><ul id=\"raci\">");
        foreach (var (role, letter) in found.Raci.Assignments())
            body.Append($"<li>{letter}: {E(handbook.FindRole(role)?.Name ?? role)}</li>");
        body.Append("</ul><h2>Feedback</h2>");
        body.Append($"<form id=\"feedback-form\" data-process=\"{E(process)}\" data-procedure=\"{E(procedure)}\" data-step=\"{E(step)}\">");
        body.Append("<label>Is this how you work? Tell the editors <textarea name=\"text\" required></textarea></label>");
        body.Append("<button type=\"submit\">Send feedback</button> <span id=\"status\" role=\"status\"></span></form>");
        return Page(found.Name, body.ToString(), "forms", null, new Dictionary<string, string> { ["page"] = "reader-step" });
    }
}
