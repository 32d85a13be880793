namespace Plumb.Server.Api;

using System.Text;
using System.Text.Json;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;

/// <summary>A process in a list.</summary>
public sealed record ProcessSummaryDto(string Id, string Name, string? Owner, string Status, string Version, string? Purpose, long ChangedIn);

public static class ProcessesApi
{
    public static void MapProcessesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/processes").WithTags("Processes");
        group.MapGet("", ListAsync).AsRead().WithSummary("Every process the caller may see.");
        group.MapGet("/{id}", GetAsync).AsRead().WithSummary("One process as JSON; the ETag is the version that last changed it.");
        group.MapGet("/{id}/yaml", GetYamlAsync).AsRead().WithSummary("One process as its YAML document.");
        group.MapPut("/{id}", PutAsync).AsWrite().Accepts<Process>("application/json", "application/yaml")
            .WithSummary("Creates (If-None-Match: *) or replaces (If-Match: its ETag) a process; the body is JSON or YAML.");
        group.MapDelete("/{id}", DeleteAsync).AsWrite().WithSummary("Removes a process; If-Match must be its ETag.");
    }

    private static async Task<IResult> ListAsync(HttpContext http, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        return Results.Ok(ReaderView.Processes(snapshot.Handbook, http.User).Select(p => new ProcessSummaryDto(p.Id, p.Name, p.Owner,
            Words.Of(Words.ProcessStatuses, p.Status), p.Version, p.Purpose, snapshot.FindDocument(DocumentSet.ProcessPath(p.Id))?.ChangedIn ?? 0)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        if (snapshot.Handbook.FindProcess(id) is not { } process || !ReaderView.CanSee(process, http.User)) return ApiSupport.NotFound($"no process '{id}'");
        http.Response.Headers.ETag = ApiSupport.ETag(snapshot.FindDocument(DocumentSet.ProcessPath(id))!.ChangedIn);
        return Results.Text(JsonSerializer.Serialize(process, HandbookJson.Compact), "application/json");
    }

    private static async Task<IResult> GetYamlAsync(string id, HttpContext http, HandbookService handbooks, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        if (snapshot.Handbook.FindProcess(id) is not { } process || !ReaderView.CanSee(process, http.User)) return ApiSupport.NotFound($"no process '{id}'");
        var document = snapshot.FindDocument(DocumentSet.ProcessPath(id))!;
        http.Response.Headers.ETag = ApiSupport.ETag(document.ChangedIn);
        return Results.Text(document.Content, "application/yaml", Encoding.UTF8);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext http, HandbookService handbooks, string? message, CancellationToken cancellationToken)
    {
        if (!DocumentSet.IsValidId(id)) return ApiSupport.BadRequest($"'{id}' is not a valid process id");
        var creating = http.Request.Headers.IfNoneMatch.ToString().Trim() == "*";
        var (present, expected) = ApiSupport.IfMatch(http.Request);
        if (!creating && !present) return ApiSupport.PreconditionRequired();
        if (!creating && expected is null) return ApiSupport.BadRequest("If-Match must be one version number such as \"12\"");

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var path = DocumentSet.ProcessPath(id);
        string yaml;
        var contentType = http.Request.ContentType ?? "";
        if (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            yaml = body;
        }
        else
        {
            Process? process;
            try
            {
                process = JsonSerializer.Deserialize<Process>(body, HandbookJson.Compact);
            }
            catch (JsonException e)
            {
                return ApiSupport.BadRequest($"the body is not a process in JSON: {e.Message}");
            }

            if (process is null) return ApiSupport.BadRequest("the body is empty");
            if (process.Id.Length == 0) process.Id = id;
            if (process.Id != id) return ApiSupport.Unprocessable($"the body's id '{process.Id}' differs from the address's id '{id}'");
            yaml = HandbookYamlWriter.ProcessToString(process);
        }

        var verb = creating ? "Added" : "Changed";
        return await SaveAsync(http, handbooks, path, yaml, creating, expected, message ?? $"{verb} process {id}", cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, HandbookService handbooks, string? message, CancellationToken cancellationToken)
    {
        var (present, expected) = ApiSupport.IfMatch(http.Request);
        if (!present) return ApiSupport.PreconditionRequired();
        if (expected is null) return ApiSupport.BadRequest("If-Match must be one version number such as \"12\"");
        return await SaveAsync(http, handbooks, DocumentSet.ProcessPath(id), null, false, expected, message ?? $"Removed process {id}", cancellationToken);
    }

    // The ETag of a process is the version that last changed its document, so two people editing different processes
    // do not conflict: a save that loses the race for the next version number to another document's save is made again.
    private static async Task<IResult> SaveAsync(HttpContext http, HandbookService handbooks, string path, string? yaml, bool creating, long? expected,
        string message, CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        if (snapshot.Version.Number == 0) return ApiSupport.Unprocessable("the store is empty: push a handbook (handbook.yaml) first");
        if (!creating && snapshot.FindDocument(path) is null) return ApiSupport.NotFound($"no document {path}");
        var result = await handbooks.SaveDocumentsAsync(new Dictionary<string, string?>(StringComparer.Ordinal) { [path] = yaml },
            new Dictionary<string, long?>(StringComparer.Ordinal) { [path] = creating ? null : expected }, PlumbClaims.Actor(http.User), message,
            cancellationToken);
        if (result.Saved is { } saved)
        {
            http.Response.Headers.ETag = ApiSupport.ETag(saved.FindDocument(path)?.ChangedIn ?? saved.Version.Number);
            return Results.Ok(HandbookApi.ToDto(saved.Version));
        }

        if (result.Stale is not null)
        {
            if (result.StaleChangedIn is not { } changedIn) return ApiSupport.NotFound($"no document {path}");
            return creating
                ? ApiSupport.Conflict($"{path} already exists", changedIn)
                : ApiSupport.Conflict($"{path} was changed in version {changedIn} after version {expected} you read; nothing was saved", changedIn);
        }

        return ApiSupport.Problems(result.Result!.Malformed, result.Result.Violations);
    }
}
