namespace Plumb.Server.Api;

using System.Text.Json;
using Plumb.Handbook.Json;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;

/// <summary>The documents of a version, as push and pull move them.</summary>
public sealed record DocumentsDto(long Version, IReadOnlyList<DocumentDto> Documents);

/// <summary>One YAML document and the version that last changed it.</summary>
public sealed record DocumentDto(string Path, string Content, long ChangedIn);

/// <summary>A complete set of documents to save as a new version.</summary>
public sealed record SaveDocumentsRequest(string? Message, Dictionary<string, string>? Documents);

/// <summary>A saved version as the API shows it.</summary>
public sealed record VersionDto(long Number, string Author, DateTimeOffset At, string Message);

public static class HandbookApi
{
    public static void MapHandbookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handbook").WithTags("Handbook");
        group.MapGet("", GetHandbookAsync).AsRead().WithSummary("The current handbook as JSON.");
        group.MapGet("/documents", GetDocumentsAsync).AsRead().WithSummary("The current version's YAML documents (what pull writes).");
        group.MapPut("/documents", PutDocumentsAsync).AsWrite()
            .WithSummary("Saves a complete set of YAML documents as a new version; If-Match must name the current version (\"0\" when empty).");
    }

    public static VersionDto ToDto(Storage.VersionInfo v) => new(v.Number, v.Author, v.At, v.Message);

    private static async Task<IResult> GetHandbookAsync(HttpContext http, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        var handbook = snapshot.Handbook;
        var visible = new Plumb.Handbook.Model.Handbook
        {
            Name = handbook.Name,
            Description = handbook.Description,
            Drivers = handbook.Drivers,
            PainPoints = handbook.PainPoints,
            Roles = handbook.Roles,
            Records = handbook.Records,
            Processes = [.. ReaderView.Processes(handbook, http.User)],
        };
        http.Response.Headers.ETag = snapshot.ETag;
        return Results.Text(JsonSerializer.Serialize(visible, HandbookJson.Compact), "application/json");
    }

    private static async Task<IResult> GetDocumentsAsync(HttpContext http, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        http.Response.Headers.ETag = snapshot.ETag;
        return Results.Ok(new DocumentsDto(snapshot.Version.Number, [.. snapshot.Documents.Select(d => new DocumentDto(d.Path, d.Content, d.ChangedIn))]));
    }

    private static async Task<IResult> PutDocumentsAsync(HttpContext http, SaveDocumentsRequest request, HandbookService handbooks,
        CancellationToken cancellationToken)
    {
        var (present, expected) = ApiSupport.IfMatch(http.Request);
        if (!present) return ApiSupport.PreconditionRequired();
        if (expected is not { } baseVersion) return ApiSupport.BadRequest("If-Match must be one version number such as \"12\"");
        if (request.Documents is not { Count: > 0 } documents) return ApiSupport.BadRequest("documents is required: a map from path to YAML text");
        if (documents.Count > DocumentSet.MaxDocuments)
        {
            return ApiSupport.BadRequest($"documents holds {documents.Count} documents; a version holds at most {DocumentSet.MaxDocuments}");
        }

        var message = string.IsNullOrWhiteSpace(request.Message) ? "Saved the handbook" : request.Message.Trim();
        var result = await handbooks.SaveAsync(baseVersion, documents, PlumbClaims.Actor(http.User), message, cancellationToken);
        if (result.IsConflict)
        {
            return ApiSupport.Conflict($"the handbook is at version {result.Head}, not {baseVersion}; read it again and reapply your change", result.Head);
        }

        if (result.Saved is not { } saved) return ApiSupport.Problems(result.Malformed, result.Violations);
        http.Response.Headers.ETag = saved.ETag;
        return Results.Ok(ToDto(saved.Version));
    }
}
