namespace Plumb.Cli;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Server.Api;

/// <summary>Talks to a Plumb server's REST API for push and pull, turning HTTP failures into one-line messages.</summary>
public sealed class ServerClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly string _server;

    public ServerClient(string server, string? token)
    {
        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{server}' is not an http(s) address such as http://127.0.0.1:5000");
        }

        _server = server;
        _http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromMinutes(2) };
        if (!string.IsNullOrWhiteSpace(token)) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
    }

    public void Dispose() => _http.Dispose();

    public async Task<DocumentsDto> GetDocumentsAsync(long? version, CancellationToken cancellationToken)
    {
        var path = version is { } v ? $"api/versions/{v}/documents" : "api/handbook/documents";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<DocumentsDto>(Json, cancellationToken)
            ?? throw new UsageException($"{_server} sent an empty answer");
    }

    /// <summary>Saves documents as a new version; the result is the version or the problem the server reported.</summary>
    public async Task<(VersionDto? Saved, HttpStatusCode Status, JsonNode? Problem)> PutDocumentsAsync(long baseVersion,
        IReadOnlyDictionary<string, string> documents, string message, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "api/handbook/documents")
        {
            Content = JsonContent.Create(new SaveDocumentsRequest(message, new Dictionary<string, string>(documents)), options: Json),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{baseVersion}\""));
        using var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<VersionDto>(Json, cancellationToken), response.StatusCode, null);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) await EnsureAsync(response, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? problem = null;
        try { problem = JsonNode.Parse(text); } catch (JsonException) { }
        return (null, response.StatusCode, problem);
    }

    /// <summary>Asks the server to sync a connection now: the run it started (202), or null with the problem (404, 409).</summary>
    public async Task<(Plumb.Server.Sync.SyncRunView? Run, HttpStatusCode Status, string? Problem)> StartSyncAsync(string connection, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/connections/{Uri.EscapeDataString(connection)}/sync"), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) await EnsureAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<Plumb.Server.Sync.SyncRunView>(SyncJson, cancellationToken), response.StatusCode, null);
        }

        string? detail = null;
        try { detail = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["detail"]?.GetValue<string>(); } catch (JsonException) { }
        return (null, response.StatusCode, detail ?? $"the server answered {(int)response.StatusCode}");
    }

    // The server writes enums in kebab case.
    private static readonly JsonSerializerOptions SyncJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"cannot reach {_server}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UsageException($"{_server} did not answer in time");
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var why = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the server needs credentials: pass --token or set PLUMB_TOKEN (make one with 'plumb user token NAME')",
            HttpStatusCode.Forbidden => "the token's account may not do this (writing needs an editor)",
            HttpStatusCode.NotFound => "not found on the server (is it a Plumb server, and does that version exist?)",
            _ => await response.Content.ReadAsStringAsync(cancellationToken),
        };
        throw new UsageException($"{_server} answered {(int)response.StatusCode}: {why}");
    }
}
