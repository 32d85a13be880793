namespace Plumb.Server.Api;

using Plumb.Server.Handbooks;

/// <summary>A search hit.</summary>
public sealed record SearchHitDto(string Url, string Title, string Kind, string Context, string Excerpt, int Score);

public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", async (string? q, HttpContext http, HandbookService handbooks, CancellationToken cancellationToken) =>
        {
            var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
            var hits = snapshot.Search.Find(q ?? "", e => ReaderView.CanSee(snapshot.Handbook, e.ProcessId, http.User));
            return Results.Ok(hits.Select(h => new SearchHitDto(h.Entry.Url, h.Entry.Title, h.Entry.Kind, h.Entry.Context, h.Excerpt, h.Score)).ToList());
        }).AsRead().WithTags("Search").WithSummary("Full-text search over the whole handbook; every word must occur.");
}
