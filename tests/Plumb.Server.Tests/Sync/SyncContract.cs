namespace Plumb.Server.Tests.Sync;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Plumb.Handbook.Samples;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;
using Plumb.Server.History;
using Plumb.Server.Storage;
using Plumb.Server.Sync;
using Plumb.Server.Tests.Support;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

/// <summary>
/// The background sync against the simulator on loopback, on SQLite and PostgreSQL alike: the first sync equals what
/// <c>plumb snow pull</c> and the Snow JSON reader give, later syncs pull only the changes, a sync that dies half way
/// leaves the previous one current and resumes without duplicates, and one connection never syncs twice at once.
/// </summary>
public abstract class SyncContract : IAsyncLifetime
{
    private const string User = "sync.reader";
    private const string Password = "sync-pa55-nobody-sees";
    private const int PageSize = 9;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Plumb.Handbook.Model.Handbook _handbook = ExampleHandbook.Create("Example");
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();
    private SimulatedInstance _instance = null!;
    private TicketFeed _feed = null!;
    private SimulatorServer _server = null!;
    private int _pulls;

    protected IPlumbStore Store { get; private set; } = null!;

    protected abstract Task<IPlumbStore> CreateStoreAsync();

    /// <summary>A second store object on the same database, as a second server instance would have.</summary>
    protected abstract IPlumbStore OpenSecondInstance();

    /// <summary>Called with each request the sync sends; a response returned here is answered instead of the simulator's.</summary>
    private Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

    private int SyncRequests { get; set; }

    // Ticket-history pages the instance answered (records and audit rows; not configuration, not refusals).
    private int HistoryPages { get; set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(Ct);
        _instance = SimulatedInstance.Generate(_handbook, new GeneratorOptions { Seed = 5, TicketsPerTable = 40 });
        _feed = new TicketFeed(_instance, _handbook, seed: 5);
        _server = await SimulatorServer.StartAsync(_instance, new SimulatorOptions { User = User, Password = Password, RateLimit = 12, RateWindow = TimeSpan.FromMinutes(1) },
            "http://127.0.0.1:0", _feed, _time, Ct);
        await Connections(Store).AddAsync("sim", _server.BaseUrl.ToString(), SnowCredentials.Basic(User, Password), 0, "admin", Ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        (Store as IDisposable)?.Dispose();
        _folder.Dispose();
    }

    private ConnectionService Connections(IPlumbStore store) => new((IConnectionStore)store, store, ConnectionService.ProviderFor(store), _time);

    private SyncedTicketData Data(IPlumbStore store) => new((IConnectionStore)store, (ITicketHistoryStore)store);

    // Waits move the fake clock instead of sleeping, so a rate-limit window passes at once.
    private RetryPolicy Retry => new() { MaxAttempts = 3, Delay = (wait, _) => { _time.Advance(wait); return Task.CompletedTask; } };

    private SyncService Sync(IPlumbStore? store = null, TicketDataSignal? signal = null, bool scheduled = false, SyncedTicketData? data = null)
    {
        store ??= Store;
        var options = new SyncOptions
        {
            PageSize = PageSize,
            Scheduled = scheduled,
            Retry = Retry,
            Tick = TimeSpan.FromMinutes(1),
            Http = () => new HttpClient(new Interceptor(this) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } }),
        };
        return new SyncService((IConnectionStore)store, Connections(store), (ITicketHistoryStore)store, data ?? Data(store), signal ?? new TicketDataSignal(), options,
            _time, NullLogger<SyncService>.Instance);
    }

    // What plumb snow pull and plumb analyze --log ... --audit ... --groups ... give for the instance as it is now.
    private async Task<(EventLog Log, ConfigurationSnapshot Configuration)> PullAsync()
    {
        var folder = _folder.File($"pull-{++_pulls}");
        var client = new TableApiClient(_server.BaseUrl, SnowCredentials.Basic(User, Password), _http, Retry, _time);
        var manifest = await new SnapshotPuller(client, folder, _time).RunAsync(PullPlan.Create(null, PageSize), null, Ct);
        Stream[] Pages(params string[] tables) => [.. tables.SelectMany(t => manifest.Find(t)!.Pages).Select(p => (Stream)File.OpenRead(Path.Combine(folder, p.File)))];
        var streams = Pages([.. PullPlan.TaskTables, "sys_audit"]);
        var groups = Pages("sys_user_group");
        var result = SnowJsonEventLogReader.Read(streams, directories: groups);
        foreach (var s in streams.Concat(groups)) s.Dispose();
        Assert.Null(result.Error);
        return (result.Log!, SnapshotFolder.Load(folder).Snapshot!);
    }

    private static string Csv(EventLog log)
    {
        using var writer = new StringWriter();
        CsvLogWriter.Write(log, writer);
        return writer.ToString();
    }

    private static string Json(ConfigurationSnapshot snapshot) => JsonSerializer.Serialize(snapshot);

    private async Task<TicketData> CurrentAsync(IPlumbStore? store = null) => (await Data(store ?? Store).LoadAsync("connection/sim", Ct))!;

    [Fact]
    public async Task The_first_sync_equals_a_cli_pull_read_by_the_snow_json_reader()
    {
        var signal = new TicketDataSignal();

        var (outcome, run) = await Sync(signal: signal).RunAsync("sim", Ct);

        Assert.Equal(SyncStartOutcome.Started, outcome);
        Assert.Equal((SyncState.Complete, 1L, (string?)null), (run!.State, run.Number, run.Error));
        var (log, configuration) = await PullAsync();
        var data = await CurrentAsync();
        Assert.Equal(Csv(log), Csv(data.Log));
        Assert.Equal(log.CaseCount, data.Log.CaseCount);
        Assert.Equal(Json(configuration), Json(data.Configuration!));
        Assert.Equal(_instance.Count("sys_audit"), run.AuditRowsAdded);
        Assert.Equal(PullPlan.TaskTables.Sum(_instance.Count), run.RecordsAdded);
        Assert.Equal(new TicketDataInfo("connection/sim", $"connection sim ({_server.BaseUrl.Authority}), sync 1", 1, run.FinishedAt!.Value, log.CaseCount, log.EventCount), data.Info);
        Assert.True(signal.Reader.TryRead(out var changed));
        Assert.Equal(data.Info, changed);
        Assert.Equal([data.Info], await Data(Store).ListAsync(Ct));
    }

    [Fact]
    public async Task The_history_kept_in_memory_of_a_removed_connection_is_let_go()
    {
        var data = Data(Store);
        await Sync(data: data).RunAsync("sim", Ct);
        Assert.Equal(1, data.Kept);

        Assert.True(await Connections(Store).RemoveAsync("sim", "admin", Ct));
        var listed = await data.ListAsync(Ct);

        Assert.Empty(listed);
        Assert.Equal(0, data.Kept);
    }

    [Fact]
    public async Task A_second_sync_pulls_only_what_the_feed_changed_and_equals_a_full_pull()
    {
        // Given a first sync, then an hour of tickets opened and moved on
        var first = (await Sync().RunAsync("sim", Ct)).Run!;
        var pagesBefore = HistoryPages;
        var auditBefore = _instance.Count("sys_audit");
        _time.Advance(TimeSpan.FromHours(1));
        var step = _feed.Advance(2, _time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromMinutes(5));
        var step2 = _feed.Advance(1, _time.GetUtcNow().UtcDateTime);
        // The records stamped since each table's watermark, less the minute of overlap (which re-reads the last ones of the first sync).
        var watermarks = JsonSerializer.Deserialize<Dictionary<string, string>>(first.Watermark!)!;
        var changed = PullPlan.TaskTables.Sum(t => _instance.Select(t, EncodedQuery.Parse(watermarks.TryGetValue(t, out var w)
            ? $"sys_updated_on>={DateTime.Parse(w, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(-1):yyyy-MM-dd HH:mm:ss}" : ""))!.Count);
        var touched = PullPlan.TaskTables.Sum(t => _instance.Select(t, EncodedQuery.Parse($"sys_updated_on>={_time.GetUtcNow().AddHours(-2):yyyy-MM-dd HH:mm:ss}"))!.Count);

        // When
        HistoryPages = 0;
        var second = (await Sync().RunAsync("sim", Ct)).Run!;

        // Then only the changed records and new audit rows were fetched, in a handful of pages
        Assert.Equal((SyncState.Complete, 2L), (second.State, second.Number));
        Assert.True(touched > 0 && changed >= touched && changed <= touched + PullPlan.TaskTables.Count, $"{changed} records to pull, {touched} touched by the feed");
        Assert.Equal(changed, second.RecordsAdded);
        Assert.Equal(_instance.Count("sys_audit") - auditBefore, second.AuditRowsAdded);
        Assert.Equal(step.Audits + step2.Audits, second.AuditRowsAdded);
        Assert.True(HistoryPages * 3 < pagesBefore, $"{HistoryPages} pages for the changes, {pagesBefore} for the first sync");
        // A page per table at least, one more per full page of rows.
        var tables = PullPlan.TaskTables.Count + 1;
        Assert.InRange(HistoryPages, tables, 2 * tables + (int)((second.AuditRowsAdded + second.RecordsAdded) / PageSize));
        Assert.NotNull(second.Since);
        Assert.Equal(first.Watermark, second.Since);
        var (log, configuration) = await PullAsync();
        var data = await CurrentAsync();
        Assert.Equal(Csv(log), Csv(data.Log));
        Assert.Equal(Json(configuration), Json(data.Configuration!));
        Assert.Equal(2, data.Info.Revision);
    }

    [Fact]
    public async Task A_sync_that_dies_half_way_leaves_the_previous_current_and_the_next_attempt_resumes_without_duplicates()
    {
        // Given a complete sync, new tickets, and an instance that stops answering after a few pages of the next sync
        await Sync().RunAsync("sim", Ct);
        var before = Csv((await CurrentAsync()).Log);
        _time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 6; i++)
        {
            _feed.Advance(3, _time.GetUtcNow().UtcDateTime);
            _time.Advance(TimeSpan.FromMinutes(3));
        }

        var answered = 0;
        Intercept = request => request.RequestUri!.AbsolutePath.Contains("/table/sys_audit", StringComparison.Ordinal) && ++answered > 2
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : null;

        // When
        var failed = (await Sync().RunAsync("sim", Ct)).Run!;

        // Then the run failed with the CLI's reason, committed pages are kept, and the first sync is still what readers get
        Assert.Equal((SyncState.Failed, 2L), (failed.State, failed.Number));
        Assert.Contains("gave up after 3 tries; last problem: 503", failed.Error);
        Assert.True(failed.AuditRowsAdded > 0);
        Assert.Equal(before, Csv((await CurrentAsync()).Log));
        Assert.Equal(1, (await Data(Store).ListAsync(Ct)).Single().Revision);

        // When the instance answers again
        Intercept = null;
        var resumed = (await Sync().RunAsync("sim", Ct)).Run!;

        // Then the same run completes from where it stopped, with every audit row once
        Assert.Equal((SyncState.Complete, 2L), (resumed.State, resumed.Number));
        var history = await ((ITicketHistoryStore)Store).ReadHistoryAsync(resumed.ConnectionId, 2, Ct);
        Assert.Equal(_instance.Count("sys_audit"), history.Audit.Count);
        Assert.Equal(PullPlan.TaskTables.Sum(_instance.Count), history.Records.Count);
        Assert.Equal(Csv((await PullAsync()).Log), Csv((await CurrentAsync()).Log));
    }

    [Fact]
    public async Task A_cancelled_first_sync_lists_no_data_and_the_next_one_completes()
    {
        using var cancel = new CancellationTokenSource();
        var pages = 0;
        Intercept = request =>
        {
            if (request.RequestUri!.AbsolutePath.Contains("/table/incident", StringComparison.Ordinal) && ++pages == 2) cancel.Cancel();
            return null;
        };

        var interrupted = (await Sync().RunAsync("sim", cancel.Token)).Run!;

        Assert.Equal(SyncState.Failed, interrupted.State);
        Assert.Contains("interrupted", interrupted.Error);
        Assert.Empty(await Data(Store).ListAsync(Ct));
        Assert.Null(await Data(Store).LoadAsync("connection/sim", Ct));
        Intercept = null;
        var done = (await Sync().RunAsync("sim", Ct)).Run!;
        Assert.Equal((SyncState.Complete, 1L), (done.State, done.Number));
        Assert.Equal(Csv((await PullAsync()).Log), Csv((await CurrentAsync()).Log));
    }

    [Fact]
    public async Task Refused_credentials_fail_the_sync_with_the_cli_message_and_no_secret()
    {
        await Connections(Store).AddAsync("wrong", _server.BaseUrl.ToString(), SnowCredentials.Basic(User, "not-the-password"), 0, "admin", Ct);

        var run = (await Sync().RunAsync("wrong", Ct)).Run!;

        Assert.Equal(SyncState.Failed, run.State);
        Assert.Contains("the instance refused the credentials (401 Unauthorized", run.Error);
        Assert.DoesNotContain("not-the-password", run.Error);
    }

    [Fact]
    public async Task A_refused_ticket_table_fails_the_sync_and_a_refused_configuration_table_is_recorded()
    {
        Intercept = request => request.RequestUri!.AbsolutePath.EndsWith("/table/contract_sla", StringComparison.Ordinal)
            || request.RequestUri.AbsolutePath.EndsWith("/table/problem", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"error":{"message":"User Not Authorized","detail":"ACL"},"status":"failure"}""") }
            : null;

        var run = (await Sync().RunAsync("sim", Ct)).Run!;

        Assert.Equal(SyncState.Failed, run.State);
        Assert.Contains("problem page 1: access denied (403 Forbidden", run.Error);
        Intercept = request => request.RequestUri!.AbsolutePath.EndsWith("/table/contract_sla", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"error":{"message":"User Not Authorized","detail":"ACL"},"status":"failure"}""") }
            : null;
        var resumed = (await Sync().RunAsync("sim", Ct)).Run!;
        Assert.Equal(SyncState.Complete, resumed.State);
        Assert.Equal("contract_sla", (await CurrentAsync()).Configuration!.Refusals.Single().Table);
    }

    [Fact]
    public async Task Rate_limited_pages_are_retried_after_the_instance_asks_and_the_sync_completes()
    {
        var run = (await Sync().RunAsync("sim", Ct)).Run!;

        Assert.Equal(SyncState.Complete, run.State);
        Assert.True(_server.RateLimited > 0, "the sync should have met the simulator's rate limit of 12 requests a minute");
        Assert.Equal(Csv((await PullAsync()).Log), Csv((await CurrentAsync()).Log));
    }

    [Fact]
    public async Task Two_syncs_of_one_connection_never_run_at_once_across_instances()
    {
        var gate = new TaskCompletionSource();
        Intercept = request =>
        {
            gate.Task.Wait(Ct);
            return null;
        };
        var sync = Sync();

        var first = await sync.StartAsync("sim", Ct);
        var again = await sync.StartAsync("sim", Ct);
        var second = OpenSecondInstance();
        var elsewhere = await Sync(second).StartAsync("sim", Ct);
        gate.SetResult();
        await sync.WhenIdleAsync();

        Assert.Equal(SyncStartOutcome.Started, first.Outcome);
        Assert.Equal(SyncState.Running, first.Run!.State);
        Assert.Equal(SyncStartOutcome.Busy, again.Outcome);
        Assert.Equal(SyncStartOutcome.Busy, elsewhere.Outcome);
        Assert.Equal(SyncState.Complete, (await sync.ListRunsAsync("sim", 5, Ct))!.Single().State);
        Assert.Equal(SyncStartOutcome.NotFound, (await sync.StartAsync("nothing", Ct)).Outcome);
        (second as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_recorded_incident_of_a_real_instance_syncs_to_the_log_the_reader_gives_for_the_recorded_file()
    {
        // Given an instance serving a Table API answer recorded from a real instance (references as {"link","value"})
        var recorded = RepoPaths.TestData("servicenow", "records", "incident_INC0010042.json");
        var folder = _folder.File("recorded");
        Directory.CreateDirectory(Path.Combine(folder, "tables", "incident"));
        File.Copy(recorded, Path.Combine(folder, SnapshotManifest.PagePath("incident", 0)));
        var manifest = new SnapshotManifest { Instance = "recorded" };
        manifest.Tables.Add(new TableProgress { Table = "incident", Query = "recorded", PageSize = 1, Complete = true, Pages = [new PageEntry(SnapshotManifest.PagePath("incident", 0), 0, 1)] });
        manifest.Write(folder);
        await using var server = await SimulatorServer.StartAsync(SimulatedInstance.FromSnapshot(folder), new SimulatorOptions { User = User, Password = Password },
            "http://127.0.0.1:0", time: _time, cancellationToken: Ct);
        await Connections(Store).AddAsync("recorded", server.BaseUrl.ToString(), SnowCredentials.Basic(User, Password), 0, "admin", Ct);

        // When
        var run = (await Sync().RunAsync("recorded", Ct)).Run!;

        // Then
        Assert.Equal(SyncState.Complete, run.State);
        var data = (await Data(Store).LoadAsync("connection/recorded", Ct))!;
        await using var stream = File.OpenRead(recorded);
        var direct = SnowJsonEventLogReader.Read([stream]);
        Assert.Null(direct.Error);
        Assert.Equal(Csv(direct.Log!), Csv(data.Log));
        Assert.Equal(["INC0010042"], Enumerable.Range(0, data.Log.CaseCount).Select(i => data.Log.CaseIds[i]));
        Assert.Equal(1, data.Configuration!.TicketCounts["incident"]);
    }

    [Fact]
    public async Task The_schedule_syncs_a_new_connection_at_once_and_again_when_its_minutes_have_passed()
    {
        // Given a connection synced every 60 minutes and the service running
        await Connections(Store).AddAsync("hourly", _server.BaseUrl.ToString(), SnowCredentials.Basic(User, Password), 60, "admin", Ct);
        var sync = Sync(scheduled: true);
        await sync.StartAsync(Ct);
        try
        {
            async Task<IReadOnlyList<SyncRun>> RunsAsync(int count)
            {
                // The timer's tick runs on its own; wait (in real time) until the runs are there and finished.
                for (var i = 0; i < 200; i++)
                {
                    await sync.WhenIdleAsync();
                    var runs = (await sync.ListRunsAsync("hourly", 10, Ct))!;
                    if (runs.Count >= count && runs.All(r => r.State != SyncState.Running)) return runs;
                    await Task.Delay(50, Ct);
                }

                return (await sync.ListRunsAsync("hourly", 10, Ct))!;
            }

            // Then: synced at once (never synced), not again within the hour, again after it
            Assert.Equal(SyncState.Complete, Assert.Single(await RunsAsync(1)).State);
            _time.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(200, Ct);
            Assert.Single(await RunsAsync(1));
            _time.Advance(TimeSpan.FromMinutes(31));
            Assert.Equal([2L, 1L], (await RunsAsync(2)).Select(r => r.Number));
            Assert.Empty((await sync.ListRunsAsync("sim", 10, Ct))!); // on demand only
        }
        finally
        {
            await sync.StopAsync(Ct);
        }
    }

    private sealed class Interceptor(SyncContract test) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test.SyncRequests++;
            if (test.Intercept?.Invoke(request) is { } answer) return answer;
            var response = await base.SendAsync(request, cancellationToken);
            var table = request.RequestUri!.AbsolutePath.Split('/')[^1];
            if (response.IsSuccessStatusCode && (table == "sys_audit" || PullPlan.TaskTables.Contains(table))) test.HistoryPages++;
            return response;
        }
    }
}
