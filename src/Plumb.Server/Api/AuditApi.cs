namespace Plumb.Server.Api;

using Plumb.Server.Accounts;
using Plumb.Server.Storage;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async (int? limit, IPlumbStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListAuditAsync(Math.Clamp(limit ?? 200, 1, 5000), cancellationToken)))
            .RequireAuthorization(PlumbClaims.AdminPolicy).WithTags("Audit").WithSummary("The audit trail, newest first (admin).");
}
