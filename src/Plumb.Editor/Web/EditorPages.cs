namespace Plumb.Editor.Web;

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plumb.Editor.Services;
using Plumb.Editor.Store;
using static Plumb.Editor.Web.EditorHtml;

/// <summary>The editor's pages; forms, modeler, workshop and diff are drawn by the bundled scripts from the API.</summary>
internal static partial class EditorPages
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("", HomeAsync);
        pages.MapGet("/handbook", () => Forms("Roles, records and context", Documents.Handbook, null));
        pages.MapGet("/processes/{process}", async (string process, EditorService editor, CancellationToken ct) =>
            await NameAsync(editor, process, ct) is { } name ? Forms(name, Documents.Process(process), process) : Results.NotFound());
        pages.MapGet("/processes/{process}/procedures/{procedure}/diagram", (string process, string procedure) =>
            Page($"Diagram of {procedure}", """
                <p>Draw steps, flows and lanes; <strong>Save diagram</strong> carries them into the procedure (lanes become the responsible role).</p>
                <div class="toolbar"><button type="button" id="save-diagram">Save diagram</button>
                <a id="back-to-forms" href="#">Back to the forms</a> <span id="status" role="status"></span></div>
                <div id="canvas" class="canvas" role="application" aria-label="Diagram editor"></div>
                """, "modeler", process, new Dictionary<string, string> { ["page"] = "modeler", ["process"] = process, ["procedure"] = procedure,
                ["document"] = Documents.Process(process) }));
        pages.MapGet("/processes/{process}/workshop", (string process) => Page("Review workshop", """
            <p>Walk the process, then each procedure step by step. Answers are saved as you go into your draft.</p>
            <div id="workshop"></div>
            """, "forms", process, new Dictionary<string, string> { ["page"] = "workshop", ["document"] = Documents.Process(process), ["process"] = process }));
        pages.MapGet("/processes/{process}/procedures/{procedure}/diff", (string process, string procedure, int from, int? to) =>
            Page($"Changes to {procedure}", """
                <p class="legend">Marked in the diagrams: <span class="change-added">added</span> (green), <span class="change-removed">removed</span> (red,
                in the older version), <span class="change-changed">changed</span> (amber) steps, decisions and flows; the list names each change.</p>
                <div class="diff"><section aria-labelledby="older-h"><h2 id="older-h">Older</h2><div id="older" class="canvas small"></div></section>
                <section aria-labelledby="newer-h"><h2 id="newer-h">Newer</h2><div id="newer" class="canvas small"></div></section>
                <section aria-labelledby="changes-h"><h2 id="changes-h">What changed</h2><ul id="changes"></ul></section></div>
                """, "diff", process, new Dictionary<string, string> { ["page"] = "diff", ["process"] = process, ["procedure"] = procedure,
                ["from"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture), ["to"] = to?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" }));
        pages.MapGet("/processes/{process}/history", HistoryAsync);
        pages.MapGet("/processes/{process}/feedback", FeedbackAsync);
        pages.MapGet("/processes/{process}/workbook", WorkbookAsync);
    }

    private static IResult Forms(string title, string document, string? process) => Page(title, """
        <div class="toolbar"><label>Save message <input id="save-message" type="text" autocomplete="off"></label>
        <button type="button" id="save">Save version</button> <button type="button" id="discard">Discard draft</button>
        <span id="status" role="status"></span></div>
        <div id="conflicts"></div>
        <div id="forms"></div>
        """, "forms", process, new Dictionary<string, string> { ["page"] = "forms", ["document"] = document, ["process"] = process ?? "" });

    private static async Task<string?> NameAsync(EditorService editor, string process, CancellationToken cancellationToken)
    {
        await editor.EnsureSeededAsync(cancellationToken);
        var head = await editor.Store.HeadAsync(Documents.Process(process), cancellationToken);
        return head is null ? null : Documents.ReadProcess(head.Content).Name;
    }

    private static async Task<IResult> HomeAsync(EditorService editor, CancellationToken cancellationToken)
    {
        await editor.EnsureSeededAsync(cancellationToken);
        var body = new StringBuilder("<table><caption>Processes</caption><thead><tr><th scope=\"col\">Process</th><th scope=\"col\">Newest version</th>");
        body.Append("<th scope=\"col\">State</th><th scope=\"col\">Published</th></tr></thead><tbody>");
        foreach (var document in await editor.Store.DocumentsAsync(cancellationToken))
        {
            if (Documents.ProcessId(document) is not { } id) continue;
            var head = (await editor.Store.HeadAsync(document, cancellationToken))!;
            var published = await editor.Store.PublishedAsync(document, cancellationToken);
            var name = Documents.ReadProcess(head.Content).Name;
            body.Append($"<tr><td><a href=\"/editor/processes/{U(id)}\">{E(name)}</a></td><td>{head.Number}</td>");
            body.Append($"<td>{E(EditorService.Word(head.State))}</td><td>{published?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page("Editor", body.ToString());
    }

    private static async Task<IResult> HistoryAsync(string process, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var document = Documents.Process(process);
        var history = await editor.Store.HistoryAsync(document, cancellationToken);
        if (history.Count == 0) return Results.NotFound();
        var head = history[0];
        var procedures = Documents.ReadProcess(head.Content).Procedures;
        var body = new StringBuilder();
        body.Append($"<p>Newest version <strong>{head.Number}</strong> is <strong id=\"state\">{E(EditorService.Word(head.State))}</strong>.</p>");
        if (head.Comment is { } comment) body.Append($"<p>Review comment from {E(head.ReviewedBy)}: <q>{E(comment)}</q></p>");
        body.Append("<div class=\"toolbar\">");
        if (head.State is VersionState.Draft or VersionState.SentBack) body.Append("<button type=\"button\" id=\"submit\">Submit for review</button>");
        if (head.State == VersionState.InReview && EditorPolicies.CanApprove(context.User))
        {
            body.Append("<label>Comment <input id=\"review-comment\" type=\"text\"></label>");
            body.Append("<button type=\"button\" id=\"approve\">Approve and publish</button> <button type=\"button\" id=\"send-back\">Send back</button>");
        }

        body.Append("<span id=\"status\" role=\"status\"></span></div>");
        body.Append("<table><caption>Versions</caption><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Author</th><th scope=\"col\">Saved</th>");
        body.Append("<th scope=\"col\">Message</th><th scope=\"col\">State</th><th scope=\"col\">Compare with the one before</th></tr></thead><tbody>");
        foreach (var v in history)
        {
            body.Append($"<tr><td>{v.Number}</td><td>{E(v.Author)}</td><td><time datetime=\"{v.At:O}\">{v.At:yyyy-MM-dd HH:mm} UTC</time></td>");
            body.Append($"<td>{E(v.Message)}</td><td>{E(EditorService.Word(v.State))}</td><td>");
            if (v.Number > 1)
            {
                foreach (var p in procedures)
                    body.Append($"<a href=\"/editor/processes/{U(process)}/procedures/{U(p.Id)}/diff?from={v.Number - 1}&amp;to={v.Number}\">{E(p.Name)}</a> ");
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page("Versions and review", body.ToString(), "forms", process,
            new Dictionary<string, string> { ["page"] = "history", ["document"] = document, ["process"] = process });
    }
}
