namespace Plumb.Server.Api;

using Plumb.Server.Handbooks;

/// <summary>The changes between two versions.</summary>
public sealed record ComparisonDto(long From, long To, IReadOnlyList<HandbookChange> Changes);

public static class VersionsApi
{
    public static void MapVersionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/versions").WithTags("Versions");
        group.MapGet("", async (HandbookService handbooks, int? limit, CancellationToken cancellationToken) =>
            Results.Ok((await handbooks.Store.ListVersionsAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken)).Select(HandbookApi.ToDto).ToList()))
            .AsRead().WithSummary("Versions, newest first, with author, time and message.");
        group.MapGet("/{number:long}", async (long number, HandbookService handbooks, CancellationToken cancellationToken) =>
            await handbooks.Store.GetVersionAsync(number, cancellationToken) is { } version
                ? Results.Ok(HandbookApi.ToDto(version)) : ApiSupport.NotFound($"no version {number}"))
            .AsRead().WithSummary("One version.");
        group.MapGet("/{number:long}/documents", GetDocumentsAsync).AsRead().WithSummary("The YAML documents of one version.");
        group.MapGet("/compare", CompareAsync).AsRead().WithSummary("The domain-level changes from one version to another.");
    }

    private static async Task<IResult> GetDocumentsAsync(long number, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetVersionAsync(number, cancellationToken);
        return snapshot is null ? ApiSupport.NotFound($"no version {number}")
            : Results.Ok(new DocumentsDto(number, [.. snapshot.Documents.Select(d => new DocumentDto(d.Path, d.Content, d.ChangedIn))]));
    }

    private static async Task<IResult> CompareAsync(long from, long to, HandbookService handbooks, IVersionComparer comparer, CancellationToken cancellationToken)
    {
        var before = from == 0 ? Snapshot.Empty(DateTimeOffset.UnixEpoch) : await handbooks.GetVersionAsync(from, cancellationToken);
        var after = to == 0 ? Snapshot.Empty(DateTimeOffset.UnixEpoch) : await handbooks.GetVersionAsync(to, cancellationToken);
        if (before is null) return ApiSupport.NotFound($"no version {from}");
        if (after is null) return ApiSupport.NotFound($"no version {to}");
        return Results.Ok(new ComparisonDto(from, to, comparer.Compare(before.Handbook, after.Handbook)));
    }
}
