namespace Plumb.ServiceNow.Tests.Simulator;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary>The simulator on loopback, read by the product's own Table API client and puller.</summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private const string User = "sim.reader";
    private const string Password = "sim-pa55";
    private const string ClientId = "sim-client";
    private const string ClientSecret = "sim-client-secret";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Plumb.Handbook.Model.Handbook _handbook = ExampleHandbook.Create("Example");
    private readonly HttpClient _http = new();
    private SimulatedInstance _instance = null!;
    private TicketFeed _feed = null!;

    public ValueTask InitializeAsync()
    {
        SnapshotGenerator.Write(_handbook, _folder.Combine("generated"), new GeneratorOptions { Seed = 3, TicketsPerTable = 25, MissingState = true, ExtraGroup = true });
        _instance = SimulatedInstance.FromSnapshot(_folder.Combine("generated"));
        _feed = new TicketFeed(_instance, _handbook, seed: 3);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<SimulatorServer> StartAsync(int? rateLimit = null, TimeSpan? window = null) => SimulatorServer.StartAsync(_instance,
        new SimulatorOptions { User = User, Password = Password, ClientId = ClientId, ClientSecret = ClientSecret, RateLimit = rateLimit, RateWindow = window ?? TimeSpan.FromHours(1) },
        "http://127.0.0.1:0", _feed, _time, TestContext.Current.CancellationToken);

    // Waits move the fake clock instead of sleeping, so a rate-limit window passes at once.
    private TableApiClient Client(SimulatorServer server, SnowCredentials credentials) =>
        new(server.BaseUrl, credentials, _http, new RetryPolicy { Delay = (wait, _) => { _time.Advance(wait); return Task.CompletedTask; } }, _time);

    private async Task<SnapshotManifest> PullAsync(TableApiClient client, string folder, string? since = null, int pageSize = 7) =>
        await new SnapshotPuller(client, _folder.Combine(folder), _time).RunAsync(PullPlan.Create(since, pageSize), since, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_paged_pull_with_basic_auth_reads_every_record_once_and_drift_sees_the_injected_differences()
    {
        await using var server = await StartAsync();

        var manifest = await PullAsync(Client(server, SnowCredentials.Basic(User, Password)), "pulled");

        foreach (var query in PullPlan.Create(null, 7)) Assert.Equal(_instance.Select(query.Table, EncodedQuery.Parse(query.Query))!.Count, manifest.Find(query.Table)!.Records);
        var generated = SnapshotManifest.Read(_folder.Combine("generated"))!;
        Assert.Equal(generated.Find("sys_audit")!.Records, manifest.Find("sys_audit")!.Records);
        Assert.Equal(25, manifest.Find("incident")!.Records);
        Assert.True(manifest.Find("sys_audit")!.Pages.Count > 2);
        var pulled = SnapshotFolder.Load(_folder.Combine("pulled")).Snapshot!;
        var report = DriftChecker.Check(_handbook, pulled);
        Assert.Contains(report.Items, i => i.Kind == "state-missing");
        Assert.Contains(report.Items, i => i.Kind == "group-unclaimed");
        var audits = Directory.GetFiles(_folder.Combine("pulled", "tables", "sys_audit")).SelectMany(f => JsonDocument.Parse(File.ReadAllText(f))
            .RootElement.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("sys_id").GetString())).ToList();
        Assert.Equal(audits.Count, audits.Distinct().Count());
    }

    [Fact]
    public async Task Oauth_client_credentials_are_granted_a_token_and_a_wrong_secret_is_refused()
    {
        await using var server = await StartAsync();

        var manifest = await PullAsync(Client(server, SnowCredentials.OAuth(ClientId, ClientSecret)), "oauth");
        Assert.Equal(25, manifest.Find("incident")!.Records);

        var wrong = Client(server, SnowCredentials.OAuth(ClientId, "not-the-secret"));
        var e = await Assert.ThrowsAsync<SnowException>(() => PullAsync(wrong, "refused"));
        Assert.Contains("refused the OAuth token request (401", e.Message);
        Assert.DoesNotContain("not-the-secret", e.Message);
    }

    [Fact]
    public async Task Requests_without_or_with_wrong_credentials_get_the_instances_401()
    {
        await using var server = await StartAsync();
        using var anonymous = await _http.GetAsync(new Uri(server.BaseUrl, "api/now/table/incident"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("User Not Authenticated", await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var e = await Assert.ThrowsAsync<SnowException>(() => PullAsync(Client(server, SnowCredentials.Basic(User, "wrong")), "wrong"));
        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task Past_the_rate_limit_the_instance_answers_429_with_retry_after_and_the_pull_waits_for_the_next_window()
    {
        await using var server = await StartAsync(rateLimit: 5, window: TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            using var ok = await Send(server, "api/now/table/incident?sysparm_limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("5", ok.Headers.GetValues("X-RateLimit-Limit").Single());
        }

        using (var refused = await Send(server, "api/now/table/incident?sysparm_limit=1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter!.Delta);
            Assert.Equal(_time.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds(), long.Parse(refused.Headers.GetValues("X-RateLimit-Reset").Single()));
        }

        var manifest = await PullAsync(Client(server, SnowCredentials.Basic(User, Password)), "limited", pageSize: 10);

        Assert.Equal(25, manifest.Find("incident")!.Records);
        Assert.True(server.RateLimited > 1, $"{server.RateLimited} refused");
    }

    [Fact]
    public async Task Pages_carry_link_headers_and_the_total_and_a_single_page_has_no_link()
    {
        await using var server = await StartAsync();

        using (var middle = await Send(server, "api/now/table/incident?sysparm_query=ORDERBYnumber&sysparm_limit=10&sysparm_offset=10&sysparm_fields=number"))
        {
            var link = string.Join(",", middle.Headers.GetValues("Link"));
            Assert.Contains("sysparm_offset=0&sysparm_limit=10>;rel=\"first\"", link);
            Assert.Contains("sysparm_offset=0&sysparm_limit=10>;rel=\"prev\"", link);
            Assert.Contains("sysparm_offset=20&sysparm_limit=10>;rel=\"next\"", link);
            Assert.Contains("sysparm_offset=20&sysparm_limit=10>;rel=\"last\"", link);
            Assert.Equal("25", middle.Headers.GetValues("X-Total-Count").Single());
            using var json = JsonDocument.Parse(await middle.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var numbers = json.RootElement.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("number").GetString()).ToList();
            Assert.Equal(Enumerable.Range(11, 10).Select(n => $"INC{n:D7}"), numbers);
            Assert.All(json.RootElement.GetProperty("result").EnumerateArray(), r => Assert.Single(r.EnumerateObject()));
        }

        using var single = await Send(server, "api/now/table/sys_user_group");
        Assert.False(single.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Display_values_show_choice_labels_and_unknown_tables_and_queries_are_400()
    {
        await using var server = await StartAsync();
        using var all = await Send(server, "api/now/v2/table/incident?sysparm_limit=1&sysparm_fields=state&sysparm_display_value=all");
        using var json = JsonDocument.Parse(await all.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var state = json.RootElement.GetProperty("result")[0].GetProperty("state");
        var value = state.GetProperty("value").GetString();
        var label = OutOfBox.Choices.First(c => c.Table == "incident" && c.Element == "state" && c.Value == value).Label;
        Assert.Equal(label, state.GetProperty("display_value").GetString());

        using var table = await Send(server, "api/now/table/u_nothing");
        Assert.Equal(HttpStatusCode.BadRequest, table.StatusCode);
        Assert.Contains("Invalid table u_nothing", await table.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var query = await Send(server, "api/now/table/incident?sysparm_query=state~1");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
    }

    [Fact]
    public async Task New_tickets_are_stamped_with_the_clock_so_a_pull_since_the_watermark_reads_exactly_what_changed()
    {
        await using var server = await StartAsync();
        var client = Client(server, SnowCredentials.Basic(User, Password));
        var before = _instance.Count("sys_audit");
        _time.Advance(TimeSpan.FromHours(1));
        var watermark = SnapshotGenerator.Stamp(_time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromSeconds(1));

        var changed = new TableQuery("incident", $"sys_updated_on>{watermark}^ORDERBYsys_updated_on", ["sys_id", "number", "sys_updated_on", "active"], 1);
        Assert.Empty(await ReadAllAsync(client, changed));

        using var feed = await Send(server, SimulatorServer.FeedPath + "?open=2", HttpMethod.Post);
        var step = JsonDocument.Parse(await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("result");
        Assert.Equal(2, step.GetProperty("opened").GetInt32());
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = _feed.Advance(0, _time.GetUtcNow().UtcDateTime);
        Assert.True(second.Advanced > 0 || second.Opened == 0);

        // The same query as before the feed step: the answer is not an earlier, cached one.
        var incidents = new List<JsonElement>();
        var audits = new TableQuery("sys_audit", $"sys_created_on>{watermark}^ORDERBYsys_created_on", ["sys_id", "documentkey"], 1000);
        incidents.AddRange(await ReadAllAsync(client, changed));
        var newAudits = await ReadAllAsync(client, audits);

        Assert.Equal(["INC0000026", "INC0000027"], incidents.Select(i => i.GetProperty("number").GetString()).Order());
        Assert.Equal(_instance.Count("sys_audit") - before, newAudits.Count);
        Assert.All(newAudits, a => Assert.Contains(incidents, i => i.GetProperty("sys_id").GetString() == a.GetProperty("documentkey").GetString()));
    }

    [Fact]
    public async Task The_feed_walks_opened_tickets_through_the_mapped_steps_until_they_close()
    {
        var start = _time.GetUtcNow().UtcDateTime;
        _feed.Advance(3, start);
        for (var i = 1; i <= 60 && _feed.OpenTickets > 0; i++) _feed.Advance(0, start.AddMinutes(i));

        Assert.Equal(0, _feed.OpenTickets);
        var opened = _instance.Select("incident", EncodedQuery.Parse("numberININC0000026,INC0000027,INC0000028"))!;
        Assert.Equal(3, opened.Count);
        Assert.All(opened, t => Assert.Equal("false", t["active"]));
        Assert.All(opened, t => Assert.NotEqual("", t["closed_at"]));
        var last = SnapshotGenerator.MappedSteps(_handbook, "incident")[^1].Tool!;
        Assert.All(opened, t => Assert.Contains(t[last.EffectiveField], last.States));
    }

    private async Task<HttpResponseMessage> Send(SimulatorServer server, string path, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(server.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // Follows the Link header's next page, as the puller does, and returns every record.
    private async Task<List<JsonElement>> ReadAllAsync(TableApiClient client, TableQuery query)
    {
        var records = new List<JsonElement>();
        Uri? url = new(client.Instance, query.PathAndQuery(0));
        var index = 0;
        while (url is not null)
        {
            var file = _folder.Combine($"{query.Table}-{Guid.NewGuid():N}-{index++}.json");
            var page = await client.DownloadPageAsync(url, file, query.Table, TestContext.Current.CancellationToken);
            records.AddRange(JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("result").EnumerateArray().Select(e => e.Clone()));
            url = page.Next;
        }

        return records;
    }
}
