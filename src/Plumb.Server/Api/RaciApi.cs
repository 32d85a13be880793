namespace Plumb.Server.Api;

using Plumb.Server.Handbooks;

/// <summary>One row of the RACI matrix: a step and, per role id, its letters.</summary>
public sealed record RaciRowDto(string Process, string Procedure, string Step, string Name, IReadOnlyDictionary<string, string> Letters);

public static class RaciApi
{
    public static void MapRaciApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/raci", async (HttpContext http, HandbookService handbooks, CancellationToken cancellationToken) =>
        {
            var handbook = (await handbooks.GetCurrentAsync(cancellationToken)).Handbook;
            return Results.Ok(HandbookQueries.Steps(ReaderView.Processes(handbook, http.User)).Select(p => new RaciRowDto(p.Process.Id, p.Procedure.Id,
                p.Step.Id, p.Step.Name, p.Step.Raci.Assignments().GroupBy(a => a.Role, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => string.Concat(g.Select(a => a.Letter)), StringComparer.Ordinal))).ToList());
        }).AsRead().WithTags("RACI").WithSummary("The RACI matrix: every step and each role's letters.");
}
