namespace Plumb.Server.Uploads;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;
using static Plumb.Server.Portal.Html;

/// <summary><c>/uploads</c>: the editors' and admins' form to upload a ticket export, and the list of upload sources.</summary>
public static class UploadsPage
{
    /// <summary>The page's address.</summary>
    public const string Path = "/uploads";

    public static void MapUploadsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IUploadStore store, CancellationToken ct) => RenderAsync(http, store, null, null, [], 200, ct))
            .RequireAuthorization(PlumbClaims.EditorPolicy).ExcludeFromDescription();
        app.MapPost(Path, UploadAsync).RequireAuthorization(PlumbClaims.EditorPolicy).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> UploadAsync(HttpContext http, UploadService uploads, IUploadStore store, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return await RenderAsync(http, store, null, "The form expired; please try again.", [], 400, ct);
        try
        {
            var outcome = await UploadsApi.ReceiveAsync(http, uploads, ct);
            var u = outcome.Upload;
            return await RenderAsync(http, store, string.Create(CultureInfo.InvariantCulture,
                $"Stored {u.FileName} as {u.Source} (revision {u.Revision}): {u.Records:N0} cases, {u.Events:N0} events. The figures are being computed."),
                null, outcome.Notes, 201, ct);
        }
        catch (UploadRefusedException e)
        {
            return await RenderAsync(http, store, null, e.Message, [], e.Status, ct);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, IUploadStore store, string? notice, string? error, IReadOnlyList<string> notes, int status,
        CancellationToken ct)
    {
        var token = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken;
        var html = new StringBuilder("<h1>Upload ticket history</h1>\n");
        html.Append("<p>For instances the server cannot reach: upload an export of tickets (CSV, XES, ServiceNow JSON or XML unload, plain or gzip). ")
            .Append("It is read as <code>plumb analyze --log</code> reads it; the process pages and the Alignment page then show the figures computed from it.</p>\n");
        if (notice is not null) html.Append($"<p class=\"notice\" role=\"status\">{E(notice)}</p>\n");
        if (error is not null) html.Append($"<p class=\"error\" role=\"alert\">{E(error)}</p>\n");
        if (notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">");
            foreach (var note in notes) html.Append($"<li>{E(note)}</li>");
            html.Append("</ul>\n");
        }

        html.Append($"""
            <form class="upload" method="post" action="{Path}" enctype="multipart/form-data">
            <input type="hidden" name="__csrf" value="{E(token)}">
            <p><label for="file">Export file</label><input id="file" name="file" type="file" required accept=".csv,.gz,.xes,.json,.xml,.tsv"></p>
            <p><label for="name">Source name (a later upload with the same name becomes its next revision; empty for a source of its own)</label>
            <input id="name" name="name" pattern="[A-Za-z0-9._\-]{1,64}" placeholder="incidents"></p>
            <p><label for="format">Format</label><select id="format" name="format"><option value="auto">From the file</option><option value="csv">CSV</option>
            <option value="xes">XES</option><option value="snow-json">ServiceNow JSON or XML unload</option></select></p>
            <details><summary>CSV columns (guessed when left empty)</summary>
            <p><label for="case">Case id column</label><input id="case" name="case"></p>
            <p><label for="activity">Activity column</label><input id="activity" name="activity"></p>
            <p><label for="timestamp">Timestamp column</label><input id="timestamp" name="timestamp"></p>
            <p><label for="timestampFormat">Timestamp format (iso, unix, unix-ms or e.g. dd-MM-yyyy HH:mm)</label><input id="timestampFormat" name="timestampFormat"></p>
            <p><label for="table">ServiceNow table (incident, problem, change_request, ...)</label><input id="table" name="table"></p>
            <p><label><input type="checkbox" name="skipBadRows"> Skip unreadable rows instead of refusing the file</label></p>
            </details>
            <p><button type="submit">Upload</button></p>
            </form>
            """);
        var list = await store.ListUploadSourcesAsync(ct);
        html.Append("<h2>Upload sources</h2>\n");
        if (list.Count == 0)
        {
            html.Append("<p>No upload yet.</p>\n");
        }
        else
        {
            html.Append("<div class=\"table\"><table><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Latest file</th><th scope=\"col\">Revision</th>")
                .Append("<th scope=\"col\">Cases</th><th scope=\"col\">Events</th><th scope=\"col\">Uploaded</th></tr></thead><tbody>\n");
            foreach (var u in list)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(u.Source)}</td><td>{E(u.FileName)} ({E(u.Format)})</td><td>{u.Revision}</td><td>{u.Records:N0}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{u.Events:N0}</td><td>{u.At:yyyy-MM-dd HH:mm} UTC by {E(u.UploadedBy)}</td></tr>\n");
            }

            html.Append("</tbody></table></div>\n");
        }

        var page = new PortalPage("Upload ticket history", html.ToString(), status, [("Home", Links.Home)]);
        return await PortalEndpoints.RenderPageAsync(http, page, ct);
    }
}
