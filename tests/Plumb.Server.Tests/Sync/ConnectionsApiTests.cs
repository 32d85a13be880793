namespace Plumb.Server.Tests.Sync;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class ConnectionsApiTests : IDisposable
{
    private readonly PlumbFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ClientAsync(AccountRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(role.ToString().ToLowerInvariant(), role));
        return client;
    }

    [Fact]
    public async Task An_admin_adds_a_connection_whose_secret_never_comes_back_and_others_may_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await ClientAsync(AccountRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/connections",
            new { name = "prod", instance = "https://acme.service-now.com", clientId = "client-7", clientSecret = "s3cret-of-the-client" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("s3cret-of-the-client", body);

        var list = await admin.GetStringAsync("/api/connections", ct);
        var connection = Assert.Single(JsonNode.Parse(list)!.AsArray())!;
        Assert.Equal(("prod", "oauth", 60), ((string?)connection["name"], (string?)connection["auth"], (int?)connection["scheduleMinutes"]));
        Assert.DoesNotContain("s3cret-of-the-client", list);

        var half = await admin.PostAsJsonAsync("/api/connections", new { name = "x", instance = "https://acme.service-now.com", clientId = "c" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        var http = await admin.PostAsJsonAsync("/api/connections", new { name = "x", instance = "http://acme.service-now.com", user = "u", password = "p" }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, http.StatusCode);

        var editor = await ClientAsync(AccountRole.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/connections", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync("/api/connections/prod", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/connections/prod", ct)).StatusCode);
    }
}
