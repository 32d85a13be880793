namespace Plumb.Server.Tests.Api;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly PlumbFactory _factory = new();

    public async ValueTask InitializeAsync() => await _factory.SeedAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpClient> ClientAsync(AccountRole? role = null)
    {
        var client = _factory.CreateClient();
        if (role is { } r) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(r.ToString().ToLowerInvariant(), r));
        return client;
    }

    private static HttpRequestMessage Put(string url, string json, string? ifMatch, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Reads_are_open_to_anonymous_readers_by_default()
    {
        var client = await ClientAsync();
        var processes = await client.GetFromJsonAsync<JsonArray>("/api/processes", TestContext.Current.CancellationToken);
        Assert.Equal(["incident", "problem"], processes!.Select(p => (string?)p!["id"]));
        var health = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal("ok", health);
    }

    [Theory]
    [InlineData("PUT", "/api/processes/incident")]
    [InlineData("DELETE", "/api/processes/incident")]
    [InlineData("PUT", "/api/handbook/documents")]
    [InlineData("POST", "/api/tokens")]
    [InlineData("POST", "/api/users")]
    [InlineData("PUT", "/api/users/ann/role")]
    public async Task Every_write_without_credentials_is_refused(string method, string url)
    {
        var client = await ClientAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, (await _factory.Services.GetRequiredService<IPlumbStore>().GetHeadAsync(CancellationToken.None))!.Number);
    }

    [Fact]
    public async Task A_reader_token_cannot_write_and_a_bad_token_is_refused()
    {
        var reader = await ClientAsync(AccountRole.Reader);
        var response = await reader.SendAsync(Put("/api/processes/incident", "{}", "\"1\""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var forged = await ClientAsync();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "plumb_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.SendAsync(Put("/api/processes/incident", "{}", "\"1\""), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_stale_write_gets_409_and_nothing_is_lost()
    {
        // Given two editors who read the incident process at the same version
        var ann = await ClientAsync(AccountRole.Editor);
        var read = await ann.GetAsync("/api/processes/incident", TestContext.Current.CancellationToken);
        var etag = read.Headers.ETag!.Tag;
        var process = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        // When the first saves and the second saves on the same ETag
        process["purpose"] = "First editor's purpose.";
        var first = await ann.SendAsync(Put("/api/processes/incident?message=first", process.ToJsonString(), etag), TestContext.Current.CancellationToken);
        process["purpose"] = "Second editor's purpose.";
        var second = await ann.SendAsync(Put("/api/processes/incident", process.ToJsonString(), etag), TestContext.Current.CancellationToken);

        // Then the second gets 409 and the first's text is what is stored
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var stored = await ann.GetFromJsonAsync<JsonNode>("/api/processes/incident", TestContext.Current.CancellationToken);
        Assert.Equal("First editor's purpose.", (string?)stored!["purpose"]);
        var versions = (await ann.GetFromJsonAsync<JsonArray>("/api/versions", TestContext.Current.CancellationToken))!;
        Assert.Equal([2L, 1L], versions.Select(v => (long)v!["number"]!));
        Assert.Equal("editor", (string?)versions[0]!["author"]);
        Assert.Equal("first", (string?)versions[0]!["message"]);
        Assert.Equal(_factory.Time.GetUtcNow(), versions[0]!["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Editing_one_process_does_not_make_another_process_stale()
    {
        var client = await ClientAsync(AccountRole.Editor);
        var problemEtag = (await client.GetAsync("/api/processes/problem", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;
        var incident = await client.GetAsync("/api/processes/incident", TestContext.Current.CancellationToken);
        var body = (await incident.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Replace("Restore normal service", "Restore service", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Put("/api/processes/incident", body, incident.Headers.ETag!.Tag), TestContext.Current.CancellationToken)).StatusCode);

        var problem = await client.GetStringAsync("/api/processes/problem", TestContext.Current.CancellationToken);
        var response = await client.SendAsync(Put("/api/processes/problem", problem.Replace("root causes", "causes", StringComparison.Ordinal), problemEtag),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_write_without_If_Match_is_428_and_malformed_input_is_400_and_a_rule_violation_is_422()
    {
        var client = await ClientAsync(AccountRole.Editor);
        Assert.Equal(HttpStatusCode.PreconditionRequired,
            (await client.SendAsync(Put("/api/processes/incident", "{}", null), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.SendAsync(Put("/api/processes/incident", "{not json", "\"1\""), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.SendAsync(Put("/api/processes/incident", "id: incident\nname: [unclosed", "\"1\"", "application/yaml"), TestContext.Current.CancellationToken)).StatusCode);

        var process = await client.GetFromJsonAsync<JsonNode>("/api/processes/incident", TestContext.Current.CancellationToken);
        process!["owner"] = "nobody-has-this-role";
        var violation = await client.SendAsync(Put("/api/processes/incident", process.ToJsonString(), "\"1\""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, violation.StatusCode);
        var problem = await violation.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
        Assert.Contains("nobody-has-this-role", problem!["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, (await _factory.Services.GetRequiredService<IPlumbStore>().GetHeadAsync(CancellationToken.None))!.Number);
    }

    [Fact]
    public async Task A_process_nested_100000_deep_is_400_with_the_reason_and_the_server_stays_up()
    {
        var client = await ClientAsync(AccountRole.Editor);
        var deep = "id: incident\nname: X\npurpose: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var response = await client.SendAsync(Put("/api/processes/incident", deep, "\"1\"", "application/yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nested more than 256 levels", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/processes/incident", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Two_versions_compare_as_a_list_of_domain_changes()
    {
        var client = await ClientAsync(AccountRole.Editor);
        var yaml = await client.GetStringAsync("/api/processes/problem/yaml", TestContext.Current.CancellationToken);
        var changed = yaml.Replace("Analyse the root cause", "Analyse the cause", StringComparison.Ordinal);
        var response = await client.SendAsync(Put("/api/processes/problem", changed, "\"1\"", "application/yaml"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var comparison = await client.GetFromJsonAsync<JsonNode>("/api/versions/compare?from=1&to=2", TestContext.Current.CancellationToken);
        var change = Assert.Single(comparison!["changes"]!.AsArray());
        Assert.Equal("changed", (string?)change!["kind"]);
        Assert.Equal("processes/problem/procedures/investigate/steps/analyse/name", (string?)change["path"]);
        Assert.Contains("Analyse the cause", (string?)change["message"], StringComparison.Ordinal);
        Assert.Equal("Analyse the cause", (string?)change["after"]);
    }

    [Fact]
    public async Task Search_finds_a_step_by_words_of_its_instruction()
    {
        var client = await ClientAsync();
        var hits = await client.GetFromJsonAsync<JsonArray>("/api/search?q=five%20whys", TestContext.Current.CancellationToken);
        Assert.Equal("/processes/problem/procedures/investigate/steps/analyse", (string?)hits![0]!["url"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_the_reference_page_is_served()
    {
        var client = await ClientAsync();
        var document = await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/processes/{id}", paths);
        Assert.Contains("/api/handbook/documents", paths);
        Assert.Contains("/api/versions/compare", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/processes", StringComparison.Ordinal));
        var page = await client.GetAsync("/api-docs/index.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_admin_makes_accounts_and_the_audit_trail_records_it()
    {
        var admin = await ClientAsync(AccountRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new { name = "Zoe", password = "long enough password", role = "editor" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var weak = await admin.PostAsJsonAsync("/api/users", new { name = "yan", password = "short", role = "editor" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        var editor = await ClientAsync(AccountRole.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/users", TestContext.Current.CancellationToken)).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonArray>("/api/audit", TestContext.Current.CancellationToken);
        Assert.Contains(audit!, e => (string?)e!["action"] == "user-add" && ((string?)e["detail"])!.StartsWith("zoe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_the_configured_frame_ancestors()
    {
        await using var framed = new PlumbFactory();
        framed.Settings["Plumb:FrameAncestors"] = "https://acme.service-now.com";
        var response = await framed.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self' https://acme.service-now.com", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task A_write_with_the_portal_cookie_needs_the_anti_forgery_header()
    {
        // Given an editor signed in to the portal with a cookie
        await _factory.TokenAsync("eve", AccountRole.Editor);
        var client = _factory.CreateClient();
        var form = await client.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["username"] = "eve", ["password"] = "correct horse battery",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // followed the redirect home
        var process = await client.GetStringAsync("/api/processes/incident", TestContext.Current.CancellationToken);

        // When it writes without and then with the header
        var without = await client.SendAsync(Put("/api/processes/incident", process, "\"1\""), TestContext.Current.CancellationToken);
        var me = await client.GetFromJsonAsync<JsonNode>("/api/me", TestContext.Current.CancellationToken);
        var request = Put("/api/processes/incident", process.Replace("Restore normal", "Restore", StringComparison.Ordinal), "\"1\"");
        request.Headers.Add("X-CSRF-TOKEN", (string?)me!["csrfToken"]);
        var with = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Then only the write with the header is saved
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("eve", (string?)me["name"]);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429()
    {
        await using var limited = new PlumbFactory();
        limited.Settings["Plumb:SignInAttemptsPerMinute"] = "2";
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x", ["password"] = "y" }),
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused()
    {
        await using var small = new PlumbFactory();
        small.Settings["Plumb:MaxRequestBodyBytes"] = "1000";
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await small.TokenAsync("ed", AccountRole.Editor));
        var documents = new Dictionary<string, string> { ["handbook.yaml"] = "name: " + new string('x', 5000) };
        var request = Put("/api/handbook/documents", JsonSerializer.Serialize(new { message = "big", documents }), "\"0\"");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
