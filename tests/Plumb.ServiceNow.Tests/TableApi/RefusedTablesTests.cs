namespace Plumb.ServiceNow.Tests.TableApi;

using System.Text.Json;
using Plumb.Handbook.Baseline;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary>A pull from a loopback Table API serving the out-of-box fixture that refuses some configuration tables (403).</summary>
public sealed class RefusedTablesTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeTableApi _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTableApi.StartAsync();
        foreach (var query in PullPlan.Create(null, 100)) _server.Add(query.Table, 0);
        foreach (var table in new[] { "sys_choice", "sys_db_object", "sys_dictionary" }) _server.Tables[table] = FixtureRows(table);
        _server.Add("incident", 30);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    // The fixture's rows as the fake serves them: references flattened to their sys_id, as sysparm_display_value=false gives.
    private static List<Dictionary<string, string>> FixtureRows(string table)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "out-of-box", table + ".json")));
        return json.RootElement.GetProperty("result").EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Object ? p.Value.GetProperty("value").GetString()! : p.Value.GetString()!))
            .ToList();
    }

    private TableApiClient Client() =>
        new(_server.BaseUrl, SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password), TableApiClient.CreateHttpClient(),
            new RetryPolicy { MaxAttempts = 2, Delay = (_, _) => Task.CompletedTask });

    [Fact]
    public async Task A_pull_continues_past_refused_configuration_tables_and_records_each_refusal()
    {
        _server.Forbidden.UnionWith(["sys_dictionary", "contract_sla"]);
        var lines = new List<string>();

        var manifest = await new SnapshotPuller(Client(), _folder.Path) { Progress = lines.Add }
            .RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken);

        Assert.Equal(["contract_sla", "sys_dictionary"], manifest.Refusals.Select(r => r.Table).Order(StringComparer.Ordinal));
        var dictionary = manifest.Refusals.Single(r => r.Table == "sys_dictionary");
        Assert.Equal(403, dictionary.Status);
        Assert.Equal("personalize_dictionary", dictionary.Role);
        Assert.Contains("ACL Exception Read not allowed on sys_dictionary", dictionary.Message);
        Assert.Equal(30, manifest.Find("incident")!.Records);
        Assert.Contains("contract_sla: refused (403 Forbidden; read access usually comes with role sla_admin); continuing without it", lines);
        Assert.Equal(manifest.Refusals.Count, SnapshotManifest.Read(_folder.Path)!.Refusals.Count);
    }

    [Fact]
    public async Task Drift_on_a_pull_with_refused_tables_says_which_checks_it_could_not_make()
    {
        _server.Forbidden.UnionWith(["sys_dictionary", "contract_sla", "sys_user_group"]);
        await new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken);

        var report = DriftChecker.Check(BaselineLibrary.Load(), SnapshotFolder.Load(_folder.Path).Snapshot!);

        Assert.False(report.HasDrift, string.Join("\n", report.Drift.Select(i => i.Message)));
        var notes = report.Notes.ToDictionary(n => n.Subject, n => n.Message);
        Assert.Contains("sys_user_group was refused to the pull (403; read access usually comes with role itil)", notes["groups"]);
        Assert.Contains("contract_sla was refused to the pull (403; read access usually comes with role sla_admin)", notes["SLAs"]);
        Assert.Contains("sys_dictionary was refused to the pull", notes["fields of incident"]);
        Assert.Contains("sys_dictionary was refused to the pull", notes["incident/kpis"]);
    }

    [Fact]
    public async Task Refused_states_are_a_note_not_drift()
    {
        _server.Forbidden.Add("sys_choice");
        await new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken);

        var report = DriftChecker.Check(BaselineLibrary.Load(), SnapshotFolder.Load(_folder.Path).Snapshot!);

        Assert.False(report.HasDrift, string.Join("\n", report.Drift.Select(i => i.Message)));
        var note = Assert.Single(report.Notes, n => n.Subject == "states");
        Assert.StartsWith("sys_choice was refused to the pull (403; read access usually comes with role personalize_choices), so the states of ", note.Message);
        Assert.Contains("incident.state", note.Message);
    }

    [Fact]
    public async Task A_refused_ticket_table_still_stops_the_pull()
    {
        _server.Forbidden.Add("incident");

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken));

        Assert.Equal(403, e.StatusCode);
        Assert.StartsWith("incident page 1: access denied (403 Forbidden", e.Message);
    }

    [Fact]
    public async Task Pulling_again_retries_a_refused_table()
    {
        _server.Forbidden.Add("contract_sla");
        await new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken);
        _server.Forbidden.Clear();

        var manifest = await new SnapshotPuller(Client(), _folder.Path).RunAsync(PullPlan.Create(null, 100), null, TestContext.Current.CancellationToken);

        Assert.Empty(manifest.Refusals);
        Assert.True(manifest.Find("contract_sla")!.Complete);
    }
}
