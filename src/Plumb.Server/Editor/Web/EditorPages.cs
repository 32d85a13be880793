namespace Plumb.Server.Editor.Web;

using System.Text;
using Plumb.Server.Editor.Services;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Workflow;
using static Plumb.Server.Editor.Web.EditorHtml;

/// <summary>The editor's pages; forms, modeler, workshop and diff are drawn by the bundled scripts from the API.</summary>
internal static partial class EditorPages
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("", HomeAsync);
        pages.MapGet("/handbook", () => Forms("Roles, records and context", Documents.Handbook, null, ""));
        pages.MapGet("/processes/{process}", async (string process, EditorService editor, CancellationToken ct) =>
            await NameAsync(editor, process, ct) is { } name ? Forms(name, Documents.Process(process), process, await InReviewAsync(editor, process, ct))
                : EditorHtml.NotFound($"The handbook has no process '{process}'."));
        pages.MapGet("/processes/{process}/procedures/{procedure}/diagram", (string process, string procedure) =>
            Page($"Diagram of {procedure}", """
                <p>Draw steps, flows and lanes; <strong>Save diagram</strong> shows what changes in the procedure, then carries it in
                (lanes become the responsible role). An edit that would drop a decision, a branch or a step you did not delete is refused.</p>
                <div class="toolbar"><button type="button" id="save-diagram">Save diagram</button>
                <a id="back-to-forms" href="#">Back to the forms</a> <span id="status" role="status"></span></div>
                <section id="preview" class="preview" aria-labelledby="preview-h" hidden><h2 id="preview-h">What saving changes in the procedure</h2>
                <ul id="preview-changes"></ul><button type="button" id="apply-diagram">Apply to my draft</button>
                <button type="button" id="cancel-preview">Keep drawing</button></section>
                <ul id="refusals" class="refusals" aria-live="polite"></ul>
                <div id="canvas" class="canvas" role="application" aria-label="Diagram editor"></div>
                """, "modeler", process, new Dictionary<string, string> { ["page"] = "modeler", ["process"] = process, ["procedure"] = procedure,
                ["document"] = Documents.Process(process) }));
        pages.MapGet("/processes/{process}/workshop", (string process) => Page("Review workshop", """
            <p>Walk the process, then each procedure step by step. Answers are saved as you go into your draft.</p>
            <p id="status" class="save-status" role="status" aria-live="polite"></p>
            <div id="workshop"></div>
            """, "forms", process, new Dictionary<string, string> { ["page"] = "workshop", ["document"] = Documents.Process(process), ["process"] = process }));
        pages.MapGet("/processes/{process}/procedures/{procedure}/diff", DiffAsync);
        pages.MapGet("/processes/{process}/history", HistoryAsync);
        pages.MapGet("/processes/{process}/feedback", FeedbackAsync);
        pages.MapGet("/processes/{process}/workbook", WorkbookAsync);
    }

    // Two versions side by side; with a proposal, "published vs in review": the head as readers see it against what the proposal holds.
    private static async Task<IResult> DiffAsync(string process, string procedure, long? from, long? to, long? proposal, HandbookService handbooks,
        CancellationToken cancellationToken)
    {
        if (from is null && proposal is null) return EditorHtml.NotFound("Say which versions to compare: from (and to), or a proposal.");
        var older = from ?? (await handbooks.GetCurrentAsync(cancellationToken)).Version.Number;
        var (title, olderName, newerName) = proposal is { } id
            ? ($"Published vs in review (proposal {id}): {procedure}", $"Published (handbook version {older})", $"In review (proposal {id})")
            : ($"Changes to {procedure}", $"Older (handbook version {older})", to is { } n ? $"Newer (handbook version {n})" : "Newer (your working copy)");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return Page(title, $"""
            <p class="legend">Marked in the diagrams: <span class="change-added">added</span> (green), <span class="change-removed">removed</span> (red,
            in the older version), <span class="change-changed">changed</span> (amber) steps, decisions and flows; the list names each change.</p>
            <div class="diff"><section aria-labelledby="older-h"><h2 id="older-h">{E(olderName)}</h2><div id="older" class="canvas small"></div></section>
            <section aria-labelledby="newer-h"><h2 id="newer-h">{E(newerName)}</h2><div id="newer" class="canvas small"></div></section>
            <section aria-labelledby="changes-h"><h2 id="changes-h">What changed</h2><ul id="changes"></ul></section>
            <section aria-labelledby="elsewhere-h" id="elsewhere-section" hidden><h2 id="elsewhere-h">Also changed in this process</h2><ul id="elsewhere"></ul></section></div>
            """, "diff", process, new Dictionary<string, string>
        {
            ["page"] = "diff", ["process"] = process, ["procedure"] = procedure, ["from"] = older.ToString(invariant),
            ["to"] = to?.ToString(invariant) ?? "", ["proposal"] = proposal?.ToString(invariant) ?? "",
        });
    }

    private static IResult Forms(string title, string document, string? process, string inReview) => Page(title, inReview + """
        <div class="toolbar"><label>Save message <input id="save-message" type="text" autocomplete="off"></label>
        <button type="button" id="save">Save into my proposal</button> <button type="button" id="discard">Discard draft</button>
        <span id="status" role="status"></span></div>
        <div id="conflicts"></div>
        <div id="forms"></div>
        """, "forms", process, new Dictionary<string, string> { ["page"] = "forms", ["document"] = document, ["process"] = process ?? "" });

    // The proposals of a process that wait for review, each with links to "published vs in review" of its procedures.
    private static async Task<string> InReviewAsync(EditorService editor, string process, CancellationToken cancellationToken)
    {
        var waiting = (await editor.Store.ListProposalsAsync(Documents.Process(process), openOnly: true, cancellationToken))
            .Where(ProposalService.WaitsForReview).ToList();
        if (waiting.Count == 0) return "";
        var html = new StringBuilder("<section class=\"waiting-review\" aria-labelledby=\"waiting-h\"><h2 id=\"waiting-h\">Waiting for review</h2><ul>");
        foreach (var p in waiting) html.Append($"<li>Proposal {p.Id} by {E(p.Author)}, <q>{E(p.Title)}</q>: {await CompareLinksAsync(editor, process, p, cancellationToken)}</li>");
        return html.Append("</ul></section>").ToString();
    }

    // "Published vs in review" of each procedure of a proposal's version of the process: the diff page, no address to edit by hand.
    private static async Task<string> CompareLinksAsync(EditorService editor, string process, Proposal proposal, CancellationToken cancellationToken)
    {
        var proposed = await editor.ProposedProcessAsync(process, proposal.Id, cancellationToken);
        if (proposed is null || proposed.Procedures.Count == 0) return "no procedure to compare";
        return "compare published and in review: " + string.Join(", ", proposed.Procedures.Select(q =>
            $"<a class=\"compare\" href=\"/editor/processes/{U(process)}/procedures/{U(q.Id)}/diff?proposal={proposal.Id}\">{E(q.Name)}</a>"));
    }

    private static async Task<string?> NameAsync(EditorService editor, string process, CancellationToken cancellationToken) =>
        (await editor.HandbookAsync(cancellationToken)).FindProcess(process)?.Name;

    private static async Task<IResult> HomeAsync(HandbookService handbooks, EditorService editor, CancellationToken cancellationToken)
    {
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        var open = await editor.Store.ListProposalsAsync(null, openOnly: true, cancellationToken);
        var body = new StringBuilder($"<p>The handbook is at version <strong class=\"handbook-version\">{head.Version.Number}</strong>. ");
        body.Append("Edit <a href=\"/editor/handbook\">roles, records and context</a>, or a process below.</p>");
        // What waits for an owner's review, with the way to the review and to "published vs in review" (https://plumb.dev/issues/20).
        var waiting = open.Where(ProposalService.WaitsForReview).ToList();
        body.Append("<section id=\"in-review\" aria-labelledby=\"in-review-h\"><h2 id=\"in-review-h\">Waiting for review</h2>");
        if (waiting.Count == 0) body.Append("<p>No proposal waits for review.</p>");
        else body.Append("<ul>");
        foreach (var p in waiting)
        {
            foreach (var document in p.Documents)
            {
                if (Documents.ProcessId(document.Path) is not { } id || head.Handbook.FindProcess(id) is not { } process) continue;
                body.Append($"<li>Proposal {p.Id} by {E(p.Author)} on {E(process.Name)}, <q>{E(p.Title)}</q>: ")
                    .Append($"<a href=\"/editor/processes/{U(id)}/history\">review it</a>; {await CompareLinksAsync(editor, id, p, cancellationToken)}</li>");
            }
        }

        if (waiting.Count > 0) body.Append("</ul>");
        body.Append("</section>");
        body.Append("<table><caption>Processes</caption><thead><tr><th scope=\"col\">Process</th><th scope=\"col\">Last changed in handbook version</th>");
        body.Append("<th scope=\"col\">Open proposals</th></tr></thead><tbody>");
        foreach (var process in head.Handbook.Processes.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var path = Documents.Process(process.Id);
            var proposals = string.Join(", ", open.Where(p => p.Find(path) is not null).Select(p => $"{p.Id} ({ProposalService.Word(p.State)}, {p.Author})"));
            body.Append($"<tr><td><a href=\"/editor/processes/{U(process.Id)}\">{E(process.Name)}</a></td><td>{head.FindDocument(path)?.ChangedIn}</td>");
            body.Append($"<td>{E(proposals.Length == 0 ? "—" : proposals)}</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page("Editor", body.ToString());
    }

    private static async Task<IResult> HistoryAsync(string process, HttpContext context, IPlumbStore store, HandbookService handbooks,
        EditorService editor, CancellationToken cancellationToken)
    {
        var document = Documents.Process(process);
        var head = await handbooks.GetCurrentAsync(cancellationToken);
        if (head.Handbook.FindProcess(process) is not { } current) return EditorHtml.NotFound($"The handbook has no process '{process}'.");
        var versions = await store.ListDocumentVersionsAsync(document, cancellationToken);
        var proposals = await store.ListProposalsAsync(document, openOnly: false, cancellationToken);
        var me = PlumbClaims.Actor(context.User);
        var owner = PlumbClaims.HasRole(context.User, AccountRole.Owner);
        var body = new StringBuilder();
        var newest = proposals.Count == 0 ? null : proposals[^1];
        body.Append($"<p>The handbook is at version <strong class=\"handbook-version\">{head.Version.Number}</strong>; the process was last changed in handbook version <strong>{head.FindDocument(document)?.ChangedIn}</strong>.");
        if (newest is not null)
            body.Append($" The newest proposal, {newest.Id} by {E(newest.Author)}, is <strong id=\"state\">{E(ProposalService.Word(newest.State))}</strong>.");
        body.Append("</p>");
        var mine = proposals.LastOrDefault(p => p.Author == me && p.State is ProposalState.Draft or ProposalState.SentBack or ProposalState.Stale);
        body.Append("<div class=\"toolbar\">");
        if (mine is not null) body.Append("<button type=\"button\" id=\"submit\">Submit your proposal for review</button>");
        var waiting = proposals.Where(p => p.State is ProposalState.InReview or ProposalState.Stale).ToList();
        if (owner && waiting.Count > 0)
        {
            body.Append("<label>Comment <input id=\"review-comment\" type=\"text\"></label>");
            var first = true;
            foreach (var p in waiting)
            {
                var ids = first ? " id=\"approve\"" : "";
                var back = first ? " id=\"send-back\"" : "";
                body.Append($"<button type=\"button\" class=\"approve\" data-proposal=\"{p.Id}\"{ids}>Approve proposal {p.Id} and publish</button> ");
                body.Append($"<button type=\"button\" class=\"send-back\" data-proposal=\"{p.Id}\"{back}>Send proposal {p.Id} back</button> ");
                first = false;
            }
        }

        body.Append("<span id=\"status\" role=\"status\"></span></div>");
        body.Append("<table><caption>Proposals</caption><thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Author</th>");
        body.Append("<th scope=\"col\">Title</th><th scope=\"col\">On version</th><th scope=\"col\">State</th><th scope=\"col\">Review</th></tr></thead><tbody>");
        foreach (var p in Enumerable.Reverse(proposals))
        {
            var review = p.Comment is null ? "" : $"{E(p.Reviewer)}: <q>{E(p.Comment)}</q>";
            var conflicts = ProposalConflict.Parse(p.Conflicts);
            if (conflicts.Count > 0) review += "<ul>" + string.Concat(conflicts.Select(c => $"<li>{E(c.Where)}</li>")) + "</ul>";
            var state = ProposalService.Word(p.State) + (p.MergedAs is { } n ? $" as version {n}" : "");
            if (ProposalService.WaitsForReview(p)) review += $"<p>{await CompareLinksAsync(editor, process, p, cancellationToken)}</p>";
            body.Append($"<tr><td>{p.Id}</td><td>{E(p.Author)}</td><td>{E(p.Title)}</td><td>{p.BaseVersion}</td><td>{E(state)}</td><td>{review}</td></tr>");
        }

        body.Append("</tbody></table>");
        body.Append("<table><caption>Versions that changed the process</caption><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Author</th>");
        body.Append("<th scope=\"col\">Saved</th><th scope=\"col\">Message</th><th scope=\"col\">Compare with the one before</th></tr></thead><tbody>");
        for (var i = 0; i < versions.Count; i++)
        {
            var v = versions[i];
            body.Append($"<tr><td>{v.Number}</td><td>{E(v.Author)}</td><td><time datetime=\"{v.At:O}\">{v.At:yyyy-MM-dd HH:mm} UTC</time></td>");
            body.Append($"<td>{E(v.Message)}</td><td>");
            if (i + 1 < versions.Count)
            {
                foreach (var p in current.Procedures)
                    body.Append($"<a href=\"/editor/processes/{U(process)}/procedures/{U(p.Id)}/diff?from={versions[i + 1].Number}&amp;to={v.Number}\">{E(p.Name)}</a> ");
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page("Proposals and versions", body.ToString(), "forms", process,
            new Dictionary<string, string> { ["page"] = "history", ["document"] = document, ["process"] = process });
    }
}
