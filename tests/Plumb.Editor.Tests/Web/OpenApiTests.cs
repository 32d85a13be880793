namespace Plumb.Editor.Tests.Web;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Plumb.Editor.Tests.Browser;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_servers_OpenAPI_document_describes_the_editor_API_with_names_summaries_and_a_tag()
    {
        await using var server = await ServerUnderTest.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        var document = await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject();
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/editor", StringComparison.Ordinal) || p.Key.StartsWith("/feedback/", StringComparison.Ordinal));
        var editor = paths.Where(p => p.Key.StartsWith("/api/editor/", StringComparison.Ordinal) || p.Key == "/api/feedback")
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.Equal(18, editor.Count);
        Assert.All(editor, e =>
        {
            Assert.StartsWith("Editor", (string?)e.Operation["operationId"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)e.Operation["summary"]), $"{e.Method} {e.Path} has no summary");
            Assert.Contains("Editor", e.Operation["tags"]!.AsArray().Select(t => (string?)t));
        });
        Assert.Contains(editor, e => e is { Path: "/api/editor/processes/{process}/procedures/{procedure}/bpmn", Method: "put" });
    }
}
