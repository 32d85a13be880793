namespace Plumb.Server.Sync;

using Plumb.Server.Accounts;
using Plumb.Server.Api;
using Plumb.ServiceNow.TableApi;

/// <summary>A new connection: the instance, basic auth (user, password) or OAuth (client id and secret, with a user and password for the password grant).</summary>
public sealed record NewConnectionRequest(string Name, string Instance, string? User, string? Password, string? ClientId, string? ClientSecret, int? ScheduleMinutes);

/// <summary><c>/api/connections</c>: the ServiceNow connections the server syncs from (admin only; secrets go in and never come out).</summary>
public static class ConnectionsApi
{
    public static void MapConnectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/connections").WithTags("Connections");
        group.MapGet("", async (ConnectionService connections, CancellationToken cancellationToken) => Results.Ok(await connections.ListAsync(cancellationToken)))
            .RequireAuthorization(PlumbClaims.AdminPolicy).WithSummary("Every ServiceNow connection, without secrets (admin).");
        group.MapPost("", async (NewConnectionRequest request, HttpContext http, ConnectionService connections, CancellationToken cancellationToken) =>
        {
            SnowCredentials credentials;
            try
            {
                credentials = Credentials(request);
            }
            catch (SnowException e)
            {
                return ApiSupport.BadRequest(e.Message);
            }

            try
            {
                var added = await connections.AddAsync(request.Name ?? "", request.Instance ?? "", credentials,
                    request.ScheduleMinutes ?? ConnectionService.DefaultScheduleMinutes, PlumbClaims.Actor(http.User), cancellationToken);
                return Results.Created($"/api/connections/{added.Name}", added);
            }
            catch (ConnectionException e)
            {
                return ApiSupport.Unprocessable(e.Message);
            }
        }).AsWrite(PlumbClaims.AdminPolicy).WithSummary("Adds a ServiceNow connection (admin); the password and client secret are stored encrypted.");
        group.MapDelete("/{name}", async (string name, HttpContext http, ConnectionService connections, CancellationToken cancellationToken) =>
            await connections.RemoveAsync(name, PlumbClaims.Actor(http.User), cancellationToken) ? Results.NoContent() : ApiSupport.NotFound($"no connection '{name}'"))
            .AsWrite(PlumbClaims.AdminPolicy).WithSummary("Removes a ServiceNow connection (admin).");
        group.MapPost("/{name}/sync", async (string name, SyncService sync, CancellationToken cancellationToken) =>
        {
            var (outcome, run) = await sync.StartAsync(name, cancellationToken);
            return outcome switch
            {
                SyncStartOutcome.Started => Results.Accepted($"/api/connections/{name}/syncs", SyncRunView.Of(run!)),
                SyncStartOutcome.Busy => Results.Problem(title: "A sync is running.", detail: $"a sync of '{name}' is running already; wait for it to finish",
                    statusCode: StatusCodes.Status409Conflict),
                _ => ApiSupport.NotFound($"no connection '{name}'"),
            };
        }).AsWrite(PlumbClaims.AdminPolicy).Produces<SyncRunView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Starts a sync of the connection now (admin): 202 with the run, 409 when one is running.");
        group.MapGet("/{name}/syncs", async (string name, SyncService sync, CancellationToken cancellationToken, int? limit) =>
            await sync.ListRunsAsync(name, Math.Clamp(limit ?? 20, 1, 500), cancellationToken) is { } runs
                ? Results.Ok(runs.Select(SyncRunView.Of).ToList())
                : ApiSupport.NotFound($"no connection '{name}'"))
            .RequireAuthorization(PlumbClaims.AdminPolicy).Produces<List<SyncRunView>>()
            .WithSummary("The connection's latest syncs, newest first (admin): state, counts, watermark, error.");
    }

    // The same rules as a credentials file: OAuth when a client id or secret is given, else basic auth.
    private static SnowCredentials Credentials(NewConnectionRequest request)
    {
        static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;
        return SnowCredentials.Build(Blank(request.User), Blank(request.Password), Blank(request.ClientId), Blank(request.ClientSecret), "the request",
            "give user and password (basic auth) or clientId and clientSecret (OAuth)");
    }
}
