namespace Plumb.Editor.Tests.Web;

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plumb.Handbook.Json;

internal static class ApiClient
{
    // Documents are named by their path in the handbook, escaped into one segment of the address.
    public const string Incident = "/api/editor/documents/processes%2Fincident.yaml";

    public const string Handbook = "/api/editor/documents/handbook.yaml";

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"no JSON: {text}");
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> PatchAsync(this HttpClient client, string document, params object[] patches)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"{document}/draft") { Content = JsonContent.Create(patches, options: HandbookJson.Compact) });
        Assert.True(response.IsSuccessStatusCode, $"PATCH: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, HandbookJson.Compact);

    public static object Set(string path, object? value) => new { op = "set", path, value = JsonSerializer.SerializeToNode(value) };
}
