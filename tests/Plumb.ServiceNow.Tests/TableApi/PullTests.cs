namespace Plumb.ServiceNow.Tests.TableApi;

using System.Text.Json;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

public sealed class PullTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly List<TimeSpan> _waits = [];
    private FakeTableApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeTableApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private TableApiClient Client(SnowCredentials? credentials = null, int attempts = 4, TimeSpan? timeout = null) =>
        new(_server.BaseUrl, credentials ?? SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password), new HttpClient(),
            new RetryPolicy { MaxAttempts = attempts, Delay = (wait, _) => { _waits.Add(wait); return Task.CompletedTask; } })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        };

    private static TableQuery Query(string table, int pageSize) => new(table, "ORDERBYsys_id", [], pageSize);

    private static List<string> SysIds(string folder, SnapshotManifest manifest, string table) =>
        manifest.Find(table)!.Pages.SelectMany(p =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, p.File)));
            return doc.RootElement.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("sys_id").GetString()!).ToList();
        }).ToList();

    [Fact]
    public async Task Pull_follows_link_headers_page_by_page_and_records_each_page()
    {
        _server.Add("incident", 25);
        var manifest = await new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        var table = manifest.Find("incident")!;
        Assert.True(table.Complete);
        Assert.Equal([10, 10, 5], table.Pages.Select(p => p.Records));
        Assert.Equal([0, 10, 20], _server.Served.Select(s => s.Offset));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"incident-{i:D6}"), SysIds(_folder.Path, manifest, "incident"));
    }

    [Fact]
    public async Task A_folder_with_a_broken_manifest_is_refused_in_one_line()
    {
        File.WriteAllText(Path.Combine(_folder.Path, SnapshotManifest.FileName), "{\"tables\": " + new string('[', 1000));

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken));

        Assert.EndsWith("snapshot.json' is not a valid manifest (line 1); pull into a new folder", e.Message);
    }

    [Fact]
    public async Task A_page_nested_past_the_depth_limit_fails_at_once_without_retrying()
    {
        _server.Add("incident", 5);
        _server.Faults.Enqueue(Fault.Deep);

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken));

        Assert.StartsWith($"incident page 1: the page is nested more than {PageValidator.MaxDepth} levels deep", e.Message);
        Assert.Empty(_waits);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "tables", "incident")));
    }

    [Fact]
    public async Task Pull_without_link_headers_pages_by_offset_until_a_short_page()
    {
        _server.LinkHeaders = false;
        _server.Add("incident", 20);
        var manifest = await new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        Assert.Equal(20, manifest.Find("incident")!.Records);
        Assert.Equal([0, 10, 20], _server.Served.Select(s => s.Offset));
    }

    [Fact]
    public async Task Too_many_requests_waits_what_Retry_After_asks_then_succeeds()
    {
        _server.Add("incident", 3);
        _server.Faults.Enqueue(Fault.TooManyRequests);
        var manifest = await new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        Assert.Equal(3, manifest.Find("incident")!.Records);
        Assert.Equal([TimeSpan.FromSeconds(7)], _waits);
    }

    [Fact]
    public async Task Server_errors_and_broken_bodies_are_retried_with_growing_back_off()
    {
        _server.Add("incident", 3);
        _server.Faults.Enqueue(Fault.Unavailable);
        _server.Faults.Enqueue(Fault.Truncated);
        _server.Faults.Enqueue(Fault.Malformed);
        var manifest = await new SnapshotPuller(Client(attempts: 5), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        Assert.Equal(3, manifest.Find("incident")!.Records);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _waits);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.part", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(Fault.ServerError, "gave up after 3 tries; last problem: 500")]
    [InlineData(Fault.Truncated, "gave up after 3 tries; last problem: the body ends early (truncated JSON)")]
    [InlineData(Fault.Malformed, "gave up after 3 tries; last problem: malformed JSON at line 1")]
    public async Task A_fault_that_persists_ends_in_one_clear_message(Fault fault, string expected)
    {
        _server.Add("incident", 3);
        for (var i = 0; i < 3; i++) _server.Faults.Enqueue(fault);
        var error = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(attempts: 3), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken));

        Assert.StartsWith("incident page 1: " + expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(Fault.Unauthorized, "the instance refused the credentials (401 Unauthorized: User Not Authenticated)")]
    [InlineData(Fault.Forbidden, "access denied (403 Forbidden: Operation Failed (ACL Exception Read not allowed))")]
    [InlineData(Fault.Html, "the answer is text/html, not JSON")]
    public async Task Refusals_are_not_retried_and_say_what_to_do(Fault fault, string expected)
    {
        _server.Add("incident", 3);
        _server.Faults.Enqueue(fault);
        var error = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message);
        Assert.Empty(_waits);
        Assert.DoesNotContain(FakeTableApi.Password, error.Message);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_without_showing_the_password()
    {
        _server.Add("incident", 3);
        var error = await Assert.ThrowsAsync<SnowException>(() => new SnapshotPuller(Client(SnowCredentials.Basic("someone", "hunter2")), _folder.Path)
            .RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken));

        Assert.Contains("401", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(_folder.Path, SnapshotManifest.FileName)));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_is_tried_again()
    {
        _server.Add("incident", 3);
        _server.Faults.Enqueue(Fault.Slow);
        var manifest = await new SnapshotPuller(Client(timeout: TimeSpan.FromMilliseconds(300)), _folder.Path)
            .RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        Assert.Equal(3, manifest.Find("incident")!.Records);
        Assert.Single(_waits);
    }

    [Fact]
    public async Task An_interrupted_pull_resumes_without_duplicates_or_gaps()
    {
        // Given a pull that fails on the fourth page of incident
        _server.Add("sys_user_group", 4);
        _server.Add("incident", 57);
        _server.FailFromOffset = 30;
        TableQuery[] plan = [Query("sys_user_group", 10), Query("incident", 10)];
        await Assert.ThrowsAsync<SnowException>(() => new SnapshotPuller(Client(attempts: 2), _folder.Path).RunAsync(plan, null, TestContext.Current.CancellationToken));
        var partial = SnapshotManifest.Read(_folder.Path)!;
        Assert.True(partial.Find("sys_user_group")!.Complete);
        Assert.Equal(30, partial.Find("incident")!.Records);

        // When the instance recovers and the pull runs again on the same folder
        _server.FailFromOffset = null;
        var served = _server.Served.Count;
        var manifest = await new SnapshotPuller(Client(), _folder.Path).RunAsync(plan, null, TestContext.Current.CancellationToken);

        // Then only the missing pages are fetched, and every record is on disk exactly once
        Assert.Equal([30, 40, 50], _server.Served.Skip(served).Select(s => s.Offset));
        var ids = SysIds(_folder.Path, manifest, "incident");
        Assert.Equal(Enumerable.Range(0, 57).Select(i => $"incident-{i:D6}"), ids);
        Assert.NotNull(manifest.CompletedAt);
    }

    [Fact]
    public async Task Resuming_with_another_instance_is_refused()
    {
        _server.Add("incident", 3);
        await new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], null, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([Query("incident", 10)], "2024-01-01", TestContext.Current.CancellationToken));
        Assert.Contains("resume it with the same --instance and --since", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OAuth_gets_a_token_from_oauth_token_do_and_uses_it(bool passwordGrant)
    {
        _server.Add("incident", 12);
        var credentials = passwordGrant
            ? SnowCredentials.OAuth(FakeTableApi.ClientId, FakeTableApi.ClientSecret, FakeTableApi.User, FakeTableApi.Password)
            : SnowCredentials.OAuth(FakeTableApi.ClientId, FakeTableApi.ClientSecret);
        var manifest = await new SnapshotPuller(Client(credentials), _folder.Path).RunAsync([Query("incident", 5)], null, TestContext.Current.CancellationToken);

        Assert.Equal(12, manifest.Find("incident")!.Records);
        Assert.Equal([passwordGrant ? "password" : "client_credentials"], _server.TokenGrants);
    }

    [Fact]
    public async Task A_refused_OAuth_client_gets_a_clear_message()
    {
        _server.Add("incident", 1);
        var error = await Assert.ThrowsAsync<SnowException>(() => new SnapshotPuller(Client(SnowCredentials.OAuth("client-1", "zz-not-it-zz")), _folder.Path)
            .RunAsync([Query("incident", 5)], null, TestContext.Current.CancellationToken));

        Assert.Contains("refused the OAuth token request (401 Unauthorized: invalid client credentials)", error.Message);
        Assert.DoesNotContain("zz-not-it-zz", error.Message);
    }

    [Fact]
    public async Task The_default_plan_pulls_configuration_and_ticket_history_into_a_readable_snapshot()
    {
        foreach (var q in PullPlan.Create("2024-01-01", 100)) _server.Add(q.Table, 0);
        _server.Add("sys_choice", 3, i => new() { ["sys_id"] = $"c{i}", ["name"] = "incident", ["element"] = "state", ["value"] = $"{i + 1}", ["label"] = $"S{i}", ["inactive"] = "false", ["language"] = "en" });
        _server.Add("sys_user_group", 2, i => new() { ["sys_id"] = $"g{i}", ["name"] = $"Group {i}", ["active"] = "true" });
        _server.Add("sys_audit", 7);
        await new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create("2024-01-01", 100), "2024-01-01", TestContext.Current.CancellationToken);

        var load = SnapshotFolder.Load(_folder.Path);
        Assert.True(load.Succeeded, string.Join("; ", load.Errors));
        Assert.Equal(3, load.Snapshot!.Choices.Count);
        Assert.Equal(2, load.Snapshot.Groups.Count);
        Assert.Equal(7, load.Snapshot.TicketCounts["sys_audit"]);
        Assert.True(File.Exists(_folder.Combine("tables", "sys_audit", "page-000000.json")));
    }
}
