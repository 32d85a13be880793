namespace Plumb.Server.Sync;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;
using Plumb.ServiceNow.TableApi;
using static Plumb.Server.Portal.Html;

/// <summary>
/// <c>/admin/connections</c>: the admin's page of ServiceNow connections, to list, add and remove them. Secrets are typed
/// into password fields, sent once with an anti-forgery token, and never put back into a page.
/// </summary>
public static class ConnectionsPage
{
    /// <summary>The page's address.</summary>
    public const string Path = "/admin/connections";

    public static void MapConnectionsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, ConnectionService connections, CancellationToken ct) => RenderAsync(http, connections, null, null, 200, ct))
            .RequireAuthorization(PlumbClaims.AdminPolicy).ExcludeFromDescription();
        app.MapPost(Path, AddAsync).RequireAuthorization(PlumbClaims.AdminPolicy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Path + "/{name}/remove", RemoveAsync).RequireAuthorization(PlumbClaims.AdminPolicy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Path + "/{name}/sync", SyncAsync).RequireAuthorization(PlumbClaims.AdminPolicy).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> SyncAsync(string name, HttpContext http, ConnectionService connections, SyncService sync, IAntiforgery antiforgery,
        CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return await RenderAsync(http, connections, null, "The form expired; please try again.", 400, ct);
        var (outcome, run) = await sync.StartAsync(name, ct);
        return outcome switch
        {
            SyncStartOutcome.Started => await RenderAsync(http, connections, $"Sync {run!.Number} of '{name}' started; reload the page to follow it.", null, 202, ct),
            SyncStartOutcome.Busy => await RenderAsync(http, connections, null, $"A sync of '{name}' is running already.", 409, ct),
            _ => await RenderAsync(http, connections, null, $"There is no connection '{name}'.", 404, ct),
        };
    }

    private static async Task<IResult> AddAsync(HttpContext http, ConnectionService connections, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return await RenderAsync(http, connections, null, "The form expired; please try again.", 400, ct);
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form[name].ToString().Trim() is { Length: > 0 } value ? value : null;
        var name = Field("name") ?? "";
        try
        {
            var oauth = form["auth"] == "oauth";
            var user = Field("user");
            var password = form["password"].ToString();
            var credentials = oauth
                ? SnowCredentials.OAuth(Field("client_id") ?? throw new ConnectionException("OAuth needs a client id"),
                    form["client_secret"].ToString() is { Length: > 0 } secret ? secret : throw new ConnectionException("OAuth needs a client secret"),
                    user, user is null ? null : password is { Length: > 0 } ? password : throw new ConnectionException("the password grant needs the user's password"), "the form")
                : SnowCredentials.Basic(user ?? throw new ConnectionException("basic auth needs a user"),
                    password is { Length: > 0 } ? password : throw new ConnectionException("basic auth needs a password"), "the form");
            var schedule = int.TryParse(Field("schedule"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : ConnectionService.DefaultScheduleMinutes;
            var added = await connections.AddAsync(name, Field("instance") ?? "", credentials, schedule, PlumbClaims.Actor(http.User), ct);
            return await RenderAsync(http, connections, $"Added connection '{added.Name}'.", null, 201, ct);
        }
        catch (ConnectionException e)
        {
            return await RenderAsync(http, connections, null, e.Message, 422, ct);
        }
    }

    private static async Task<IResult> RemoveAsync(string name, HttpContext http, ConnectionService connections, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return await RenderAsync(http, connections, null, "The form expired; please try again.", 400, ct);
        var removed = await connections.RemoveAsync(name, PlumbClaims.Actor(http.User), ct);
        return await RenderAsync(http, connections, removed ? $"Removed connection '{name}'." : null, removed ? null : $"There is no connection '{name}'.",
            removed ? 200 : 404, ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ConnectionService connections, string? notice, string? error, int status, CancellationToken ct)
    {
        var token = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken;
        var html = new StringBuilder("<h1>ServiceNow connections</h1>\n");
        html.Append("<p>The instances the server syncs configuration and ticket history from. Passwords and client secrets are stored encrypted and never shown again.</p>\n");
        if (notice is not null) html.Append($"<p class=\"notice\" role=\"status\">{E(notice)}</p>\n");
        if (error is not null) html.Append($"<p class=\"error\" role=\"alert\">{E(error)}</p>\n");
        var list = await connections.ListAsync(ct);
        if (list.Count == 0)
        {
            html.Append("<p>No connection yet.</p>\n");
        }
        else
        {
            var sync = http.RequestServices.GetRequiredService<SyncService>();
            html.Append("<table class=\"connections\"><thead><tr><th>Name</th><th>Instance</th><th>Sign-in</th><th>Schedule</th><th>Added</th><th>Last syncs</th><th></th></tr></thead><tbody>\n");
            foreach (var c in list)
            {
                var runs = await sync.ListRunsAsync(c.Name, 5, ct) ?? [];
                var who = c.Auth == ConnectionAuth.OAuth ? $"OAuth client {c.ClientId}{(c.User is null ? "" : $" as {c.User}")}" : $"basic auth as {c.User}";
                var schedule = c.ScheduleMinutes == 0 ? "on demand" : $"every {c.ScheduleMinutes} min";
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td>{E(c.Name)}</td><td>{E(c.Instance)}</td><td>{E(who)}</td><td>{E(schedule)}</td><td>{c.CreatedAt:yyyy-MM-dd HH:mm} UTC by {E(c.CreatedBy)}</td>
                    <td>{Runs(runs)}</td>
                    <td><form method="post" action="{Path}/{Uri.EscapeDataString(c.Name)}/sync"><input type="hidden" name="__csrf" value="{E(token)}"><button type="submit">Sync now</button></form>
                    <form method="post" action="{Path}/{Uri.EscapeDataString(c.Name)}/remove"><input type="hidden" name="__csrf" value="{E(token)}"><button type="submit">Remove</button></form></td></tr>

                    """);
            }

            html.Append("</tbody></table>\n");
        }

        html.Append($"""
            <h2>Add a connection</h2>
            <form class="connection" method="post" action="{Path}" autocomplete="off">
            <input type="hidden" name="__csrf" value="{E(token)}">
            <p><label for="name">Name</label><input id="name" name="name" required pattern="[A-Za-z0-9._\-]{1,64}" placeholder="prod"></p>
            <p><label for="instance">Instance URL</label><input id="instance" name="instance" type="url" required placeholder="https://acme.service-now.com"></p>
            <p><label for="auth">Sign-in</label><select id="auth" name="auth"><option value="basic">Basic auth</option><option value="oauth">OAuth client credentials</option></select></p>
            <p><label for="user">User</label><input id="user" name="user" autocomplete="off"></p>
            <p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="new-password"></p>
            <p><label for="client_id">OAuth client id</label><input id="client_id" name="client_id" autocomplete="off"></p>
            <p><label for="client_secret">OAuth client secret</label><input id="client_secret" name="client_secret" type="password" autocomplete="new-password"></p>
            <p><label for="schedule">Sync every (minutes, 0 for on demand)</label><input id="schedule" name="schedule" type="number" min="0" max="10080" value="{ConnectionService.DefaultScheduleMinutes}"></p>
            <p><button type="submit">Add connection</button></p>
            </form>
            """);
        var page = new PortalPage("ServiceNow connections", html.ToString(), status, [("Home", Links.Home)]);
        return await PortalEndpoints.RenderPageAsync(http, page, ct);
    }

    // The last runs, newest first: number, state, when, what it added, and the error of a failed one.
    private static string Runs(IReadOnlyList<SyncRun> runs)
    {
        if (runs.Count == 0) return "never synced";
        var html = new StringBuilder("<ul class=\"syncs\">");
        foreach (var run in runs)
        {
            var state = run.State switch { SyncState.Complete => "complete", SyncState.Failed => "failed", _ => "running" };
            var when = (run.FinishedAt ?? run.StartedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"sync-{state}\">#{run.Number} {state} {when} UTC: {run.RecordsAdded:N0} records, {run.AuditRowsAdded:N0} audit rows pulled");
            if (run.State == SyncState.Complete) html.Append(CultureInfo.InvariantCulture, $"; {run.Records:N0} records, {run.Events:N0} events in all");
            if (run.Error is { } error) html.Append($" <span class=\"error\">{E(error)}</span>");
            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }
}
