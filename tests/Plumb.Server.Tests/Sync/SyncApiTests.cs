namespace Plumb.Server.Tests.Sync;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Handbook.Samples;
using Plumb.Server.History;
using Plumb.Server.Storage;
using Plumb.Server.Sync;
using Plumb.Server.Tests.Support;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.Snapshot;

/// <summary><c>POST /api/connections/{name}/sync</c> and <c>GET …/syncs</c> against the simulator on loopback.</summary>
public sealed class SyncApiTests : IAsyncLifetime
{
    private readonly PlumbFactory _factory = new();
    private SimulatorServer _simulator = null!;

    public async ValueTask InitializeAsync()
    {
        var instance = SimulatedInstance.Generate(ExampleHandbook.Create("Example"), new GeneratorOptions { Seed = 2, TicketsPerTable = 15 });
        _simulator = await SimulatorServer.StartAsync(instance, new SimulatorOptions { User = "api.reader", Password = "api-pa55" }, "http://127.0.0.1:0",
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _factory.Dispose();
    }

    private async Task<HttpClient> ClientAsync(AccountRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync(role.ToString().ToLowerInvariant(), role));
        return client;
    }

    [Fact]
    public async Task An_admin_starts_a_sync_gets_202_with_the_run_then_sees_it_complete_and_409_while_one_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await ClientAsync(AccountRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/connections",
            new { name = "sim", instance = _simulator.BaseUrl.ToString(), user = "api.reader", password = "api-pa55", scheduleMinutes = 0 }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // When
        var started = await admin.PostAsync("/api/connections/sim/sync", null, ct);

        // Then
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = JsonNode.Parse(await started.Content.ReadAsStringAsync(ct))!;
        Assert.Equal((1, "running"), ((int?)run["number"], (string?)run["state"]));
        await _factory.Services.GetRequiredService<SyncService>().WhenIdleAsync();
        var runs = JsonNode.Parse(await admin.GetStringAsync("/api/connections/sim/syncs", ct))!.AsArray();
        var done = Assert.Single(runs)!;
        Assert.Equal("complete", (string?)done["state"]);
        Assert.Equal(15, (int?)done["records"]);
        Assert.True((int?)done["auditRowsAdded"] > 15);
        Assert.NotNull(done["watermark"]!["incident"]);
        // The signal itself is read by the server's results service (SyncContract checks it is raised); the source is listed.
        var provider = Assert.Single(_factory.Services.GetServices<ITicketDataProvider>(), p => p.Prefix == "connection/");
        var listed = Assert.Single(await provider.ListAsync(ct));
        Assert.Equal(("connection/sim", 1L), (listed.Source, listed.Revision));

        // Given another instance holding the connection's lease
        var store = (ITicketHistoryStore)_factory.Services.GetRequiredService<IPlumbStore>();
        var connection = await ((IConnectionStore)store).FindConnectionAsync("sim", ct);
        Assert.NotNull(await store.BeginSyncAsync(connection!.Id, "another-instance", _factory.Time.GetUtcNow(), TimeSpan.FromMinutes(10), ct));

        // Then a sync request is refused, and other roles may neither start nor list syncs
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/connections/sim/sync", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/connections/none/sync", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/connections/none/syncs", ct)).StatusCode);
        var editor = await ClientAsync(AccountRole.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/connections/sim/sync", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/connections/sim/syncs", ct)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_sync_endpoints()
    {
        var client = await ClientAsync(AccountRole.Admin);
        var document = await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = document!["paths"]!;
        Assert.NotNull(paths["/api/connections/{name}/sync"]?["post"]?["responses"]?["202"]);
        Assert.NotNull(paths["/api/connections/{name}/sync"]?["post"]?["responses"]?["409"]);
        Assert.NotNull(paths["/api/connections/{name}/syncs"]?["get"]);
    }
}
