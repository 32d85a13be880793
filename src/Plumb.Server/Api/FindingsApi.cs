namespace Plumb.Server.Api;

using Plumb.Handbook.Yaml;
using Plumb.Server.Handbooks;

/// <summary>A finding in the register.</summary>
public sealed record FindingDto(string Id, string Text, string Severity, string Status, string? Owner, string? PlannedUpdate, string Where, string Url);

public static class FindingsApi
{
    public static void MapFindingsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/findings", async (string? status, HttpContext http, HandbookService handbooks, CancellationToken cancellationToken) =>
        {
            var handbook = (await handbooks.GetCurrentAsync(cancellationToken)).Handbook;
            return Results.Ok(HandbookQueries.Findings(ReaderView.Processes(handbook, http.User))
                .Select(f => new FindingDto(f.Finding.Id, f.Finding.Text, Words.Of(Words.FindingSeverities, f.Finding.Severity),
                    Words.Of(Words.FindingStatuses, f.Finding.Status), f.Finding.Owner, f.Finding.PlannedUpdate, f.Where, f.Url))
                .Where(f => status is null || f.Status == status)
                .ToList());
        }).AsRead().WithTags("Findings").WithSummary("The findings register; ?status=open filters.");
}
