namespace Plumb.Server.Tests.Api;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>The server stays bounded whatever clients send: body limits, the feedback endpoint, the page cache.</summary>
public sealed partial class AbuseTests
{
    private static CookieSession Browser(PlumbFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    // An anonymous reader on the feedback page: its anti-forgery cookie and token, as the page's script sends them.
    private static async Task<CookieSession> ReaderOnFeedbackPageAsync(PlumbFactory factory)
    {
        var browser = Browser(factory);
        var page = await (await browser.GetAsync("/feedback/incident/handle-incident/log")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        browser.Csrf = WebUtility.HtmlDecode(PageToken().Match(page).Groups[1].Value);
        Assert.NotEmpty(browser.Csrf);
        return browser;
    }

    private static HttpRequestMessage Feedback(string text) => new(HttpMethod.Post, "/api/feedback")
    {
        Content = JsonContent.Create(new { process = "incident", procedure = "handle-incident", step = "log", text }),
    };

    private static async Task<int> FeedbackCountAsync(PlumbFactory factory) =>
        (await factory.Services.GetRequiredService<IPlumbStore>().ListFeedbackAsync("incident", CancellationToken.None)).Count;

    [Fact]
    public async Task Anonymous_feedback_with_any_Authorization_value_still_needs_the_anti_forgery_token()
    {
        await using var factory = new PlumbFactory();
        await factory.SeedAsync();
        var browser = await ReaderOnFeedbackPageAsync(factory);
        var token = await factory.TokenAsync("ed", AccountRole.Editor);
        var withToken = Browser(factory);

        var forged = new List<HttpStatusCode>();
        foreach (var value in new[] { "Basic Zm9vOmJhcg==", "Bearer not-a-token", "Bearer plumb_forged", "x" })
        {
            var request = Feedback("forged " + value);
            request.Headers.TryAddWithoutValidation("Authorization", value);
            forged.Add((await Browser(factory).SendAsync(request)).StatusCode);
        }

        var fromPage = await browser.SendAsync(Feedback("the page says so"));
        var scripted = Feedback("a script with a real token");
        scripted.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var fromScript = await withToken.SendAsync(scripted);

        Assert.All(forged, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.Created, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromScript.StatusCode);
        Assert.Equal(2, await FeedbackCountAsync(factory));
    }

    [Fact]
    public async Task Anonymous_feedback_is_rate_limited_per_client_and_its_body_is_small()
    {
        await using var factory = new PlumbFactory();
        factory.Settings["Plumb:FeedbackPerMinute"] = "3";
        await factory.SeedAsync();
        var browser = await ReaderOnFeedbackPageAsync(factory);

        var big = Feedback("");
        big.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(
            new { process = "incident", procedure = "handle-incident", step = "log", text = new string('x', 100_000) }), System.Text.Encoding.UTF8, "application/json");
        var large = await browser.SendAsync(big);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await browser.SendAsync(Feedback($"note {i}"))).StatusCode);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await FeedbackCountAsync(factory));
    }

    [Theory]
    [InlineData("/api/handbook/documents", "application/json")]
    [InlineData("/api/processes/incident", "application/yaml")]
    [InlineData("/api/feedback", "application/json")]
    [InlineData("/signin", "application/x-www-form-urlencoded")]
    public async Task A_chunked_100_MB_body_gets_413_and_the_server_goes_on(string url, string contentType)
    {
        await using var server = await LiveServer.StartAsync();
        var accounts = server.Services.GetRequiredService<Plumb.Server.Accounts.AccountService>();
        var user = await accounts.CreateUserAsync("ed", "correct horse battery", AccountRole.Editor, "test", CancellationToken.None);
        var (_, token) = await accounts.CreateTokenAsync(user, "t", CancellationToken.None);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var content = new StreamContent(new EndlessStream(100L * 1024 * 1024));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Put, server.Url + url) { Content = content };
        if (url is "/api/feedback" or "/signin") request.Method = HttpMethod.Post;
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        request.Headers.TransferEncodingChunked = true;
        HttpStatusCode? status;
        try
        {
            status = (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
        }
        catch (HttpRequestException)
        {
            status = null; // Kestrel may close the connection while the client still sends; the answer then is lost, not wrong
        }

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"status {status}");
        Assert.Equal("ok", await http.GetStringAsync(server.Url + "/healthz", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413_with_a_problem()
    {
        // A body just over a small limit, so the whole of it is sent and the answer is read.
        await using var server = await LiveServer.StartAsync(settings: new Dictionary<string, string?> { ["Plumb:MaxRequestBodyBytes"] = "4096" });
        var accounts = server.Services.GetRequiredService<Plumb.Server.Accounts.AccountService>();
        var user = await accounts.CreateUserAsync("ed", "correct horse battery", AccountRole.Editor, "test", CancellationToken.None);
        var (_, token) = await accounts.CreateTokenAsync(user, "t", CancellationToken.None);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var content = new StreamContent(new EndlessStream(6000));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var request = new HttpRequestMessage(HttpMethod.Put, server.Url + "/api/processes/incident") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("413", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Made_up_addresses_are_never_cached_and_real_pages_stay_within_the_byte_bound()
    {
        // Given a server whose page cache may hold 200 KB
        await using var factory = new PlumbFactory();
        factory.Settings["Plumb:PageCacheBytes"] = "200000";
        await factory.SeedAsync(LargeHandbook());
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<PageCache>();

        // When a flood of made-up addresses comes in
        for (var i = 0; i < 300; i++)
        {
            var response = await client.GetAsync($"/processes/nope-{i}/procedures/p/steps/{new string('s', 200)}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var afterFlood = cache.Count;

        // And every real page is read twice
        var snapshot = await factory.Services.GetRequiredService<HandbookService>().GetCurrentAsync(CancellationToken.None);
        var pages = snapshot.Handbook.Processes.SelectMany(p => p.Procedures.SelectMany(q => q.Steps.Select(s => Links.Step(p.Id, q.Id, s.Id)))).ToList();
        Assert.True(pages.Count > 100);
        foreach (var page in pages.Concat(pages))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page, TestContext.Current.CancellationToken)).StatusCode);
            Assert.InRange(cache.Bytes, 0, 200_000);
        }

        // Then nothing of the flood was kept, and the cache filled to its bound and no further
        Assert.Equal(0, afterFlood);
        Assert.InRange(cache.Bytes, 100_000, 200_000);
        Assert.InRange(cache.Count, 2, pages.Count - 1);
    }

    [Fact]
    public async Task A_new_version_empties_the_page_cache_of_the_old_one()
    {
        await using var factory = new PlumbFactory();
        var first = await factory.SeedAsync();
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<PageCache>();
        await client.GetStringAsync("/processes/incident", TestContext.Current.CancellationToken);
        Assert.True(cache.TryGet(PageCache.Stamp(first.Version.Number, 0), "bytes|/processes/incident|all", out byte[] _));

        var documents = first.DocumentMap().ToDictionary(StringComparer.Ordinal);
        documents["processes/incident.yaml"] = documents["processes/incident.yaml"].Replace("Incident Management", "Incidents", StringComparison.Ordinal);
        await factory.Services.GetRequiredService<HandbookService>().SaveAsync(first.Version.Number, documents, "test", "rename", CancellationToken.None);
        var page = await client.GetStringAsync("/processes/incident", TestContext.Current.CancellationToken);

        Assert.Contains("Incidents", page, StringComparison.Ordinal);
        Assert.False(cache.TryGet(PageCache.Stamp(first.Version.Number, 0), "bytes|/processes/incident|all", out byte[] _));
    }

    [Fact]
    public async Task A_push_of_more_documents_than_a_version_holds_is_refused_before_it_is_read()
    {
        await using var factory = new PlumbFactory();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync("ed", AccountRole.Editor));
        var documents = Enumerable.Range(0, DocumentSet.MaxDocuments + 1).ToDictionary(i => $"processes/p{i}.yaml", i => $"id: p{i}\nname: P{i}\n");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/handbook/documents") { Content = JsonContent.Create(new { message = "many", documents }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"holds {DocumentSet.MaxDocuments + 1} documents; a version holds at most {DocumentSet.MaxDocuments}", body, StringComparison.Ordinal);
        Assert.Equal(0, (await factory.Services.GetRequiredService<IPlumbStore>().GetHeadAsync(TestContext.Current.CancellationToken))?.Number ?? 0);
    }

    [Fact]
    public async Task The_API_refuses_a_handbook_whose_ids_would_lead_outside_a_folder()
    {
        await using var factory = new PlumbFactory();
        var seeded = await factory.SeedAsync();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync("ed", AccountRole.Editor));
        var documents = seeded.DocumentMap().ToDictionary(StringComparer.Ordinal);
        documents["handbook.yaml"] = documents["handbook.yaml"].Replace("id: problem-manager", "id: ../../../x/role-dir", StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/handbook/documents") { Content = JsonContent.Create(new { message = "escape", documents }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("PLB131", body, StringComparison.Ordinal);
    }

    // Fifty processes of three steps each: more pages than a small cache holds.
    private static Dictionary<string, string> LargeHandbook()
    {
        var handbook = TestHandbooks.Create();
        var template = handbook.FindProcess("problem")!;
        for (var i = 0; i < 50; i++)
        {
            var yaml = Plumb.Handbook.Yaml.HandbookYamlWriter.ProcessToString(template).Replace("id: problem\n", $"id: problem-{i}\n", StringComparison.Ordinal);
            var copy = Plumb.Handbook.Yaml.HandbookYamlReader.ReadProcess(yaml, $"processes/problem-{i}.yaml").Value!;
            copy.Name = $"Problem Management {i}";
            handbook.Processes.Add(copy);
        }

        return DocumentSet.Write(handbook);
    }

    [GeneratedRegex("id=\"plumb-csrf\" name=\"[^\"]*\" value=\"([^\"]+)\"")]
    private static partial Regex PageToken();

    // A body of 'a's of a given length that is never held in memory.
    private sealed class EndlessStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _left -= n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
