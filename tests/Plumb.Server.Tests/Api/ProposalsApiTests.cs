namespace Plumb.Server.Tests.Api;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class ProposalsApiTests : IAsyncLifetime
{
    private const string Problem = "processes/problem.yaml";
    private readonly PlumbFactory _factory = new();

    public async ValueTask InitializeAsync() => await _factory.SeedAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpClient> ClientAsync(string name, AccountRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(name, role));
        return client;
    }

    [Fact]
    public async Task A_proposal_made_over_the_API_is_merged_with_a_push_made_while_it_was_in_review()
    {
        var ct = TestContext.Current.CancellationToken;
        var editor = await ClientAsync("ed", AccountRole.Editor);
        var owner = await ClientAsync("olga", AccountRole.Owner);
        var documents = TestHandbooks.Documents();

        // Given a proposal on version 1 that changes problem's purpose, in review
        var proposed = documents[Problem].Replace("Find and remove the root causes of incidents.", "Remove root causes for good.", StringComparison.Ordinal);
        var created = await editor.PostAsJsonAsync("/api/proposals", new { title = "Sharper purpose", baseVersion = 1, documents = new Dictionary<string, string> { [Problem] = proposed } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>(ct))!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/proposals/{id}/submit", new { comment = "please" }, ct)).StatusCode);

        // When a push of version 1's folder with a comment added to problem.yaml lands meanwhile
        var pushed = new Dictionary<string, string>(documents) { [Problem] = documents[Problem] + "# Owned by the problem manager.\n" };
        var push = new HttpRequestMessage(HttpMethod.Put, "/api/handbook/documents") { Content = JsonContent.Create(new { message = "push", documents = pushed }) };
        push.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(push, ct)).StatusCode);
        Assert.Equal("stale", (await editor.GetFromJsonAsync<JsonNode>($"/api/proposals/{id}", ct))!["proposal"]!["state"]!.GetValue<string>());

        // Then an editor cannot approve it, the owner can, and the head has both the proposal and the push
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"/api/proposals/{id}/approve", new { }, ct)).StatusCode);
        var approved = await owner.PostAsJsonAsync($"/api/proposals/{id}/approve", new { comment = "ok" }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var head = await editor.GetFromJsonAsync<JsonNode>("/api/handbook/documents", ct);
        var text = head!["documents"]!.AsArray().Single(d => d!["path"]!.GetValue<string>() == Problem)!["content"]!.GetValue<string>();
        Assert.Contains("Remove root causes for good.", text, StringComparison.Ordinal);
        Assert.Contains("# Owned by the problem manager.", text, StringComparison.Ordinal);
        var detail = await editor.GetFromJsonAsync<JsonNode>($"/api/proposals/{id}", ct);
        Assert.Equal(("approved", 3L), (detail!["proposal"]!["state"]!.GetValue<string>(), detail["proposal"]!["mergedAs"]!.GetValue<long>()));
        Assert.Contains(detail["events"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "approved as version 3");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_workflow_endpoints()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonNode>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document!["paths"]!.AsObject();
        foreach (var (path, method) in new[]
        {
            ("/api/proposals", "get"), ("/api/proposals", "post"), ("/api/proposals/{id}", "get"), ("/api/proposals/{id}/submit", "post"),
            ("/api/proposals/{id}/approve", "post"), ("/api/proposals/{id}/send-back", "post"),
        })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is not described");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation!["summary"]), $"{method} {path} has no summary");
            Assert.Contains("Proposals", operation["tags"]!.AsArray().Select(t => (string?)t));
        }
    }
}
