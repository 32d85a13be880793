namespace Plumb.Server.Tests.Alignment;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plumb.Cli;
using Plumb.Server.Storage;
using Plumb.Server.Alignment;
using Plumb.Server.Tests.Support;

/// <summary>Results through the server: equal to <c>plumb analyze</c>'s JSON, on the pages, in the Atom feed and at the webhook.</summary>
public sealed class ResultsApiTests : IAsyncLifetime
{
    private readonly PlumbFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpClient> EditorAsync()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _factory.TokenAsync("ed", AccountRole.Editor));
        return client;
    }

    private async Task UploadAsync(HttpClient client, string csv, string file = "incidents.csv", string name = "incidents")
    {
        var response = await client.PostAsync($"/api/uploads?name={name}&fileName={file}", new StringContent(csv, Encoding.UTF8, "text/csv"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await _factory.Services.GetRequiredService<ResultsService>().ComputePendingAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_report_the_server_stores_equals_what_plumb_analyze_writes_for_the_same_log_and_handbook()
    {
        var ct = TestContext.Current.CancellationToken;
        await _factory.SeedAsync(TicketLogs.Documents());
        var client = await EditorAsync();
        var csv = TicketLogs.Csv(new DateTime(2026, 1, 1), 2, cases: 40);
        await UploadAsync(client, csv);

        using var work = new TempDirectory();
        foreach (var (path, content) in TicketLogs.Documents())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(work.File(Path.Combine("handbook", path)))!);
            await File.WriteAllTextAsync(work.File(Path.Combine("handbook", path)), content, ct);
        }

        await File.WriteAllTextAsync(work.File("incidents.csv"), csv, ct);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await PlumbCli.RunAsync(["analyze", "--log", work.File("incidents.csv"), "--handbook", work.File("handbook"), "--process", "incident",
            "-o", work.File("report.json")], new CliContext(output, error) { CancellationToken = ct });
        Assert.True(code == 0, error.ToString());

        var results = await client.GetFromJsonAsync<JsonElement>("/api/results", ct);
        var analysis = results.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "analysis" && r.GetProperty("procedure").GetString() == "handle-incident");
        var stored = await client.GetStringAsync(analysis.GetProperty("report").GetString(), ct);
        Assert.Equal(await File.ReadAllTextAsync(work.File("report.json"), ct), stored);
        Assert.Contains("\"steps\":", stored);
    }

    [Fact]
    public async Task A_kpi_that_turns_red_is_in_the_atom_feed_and_reaches_the_webhook_after_a_failed_attempt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hook = await Receiver.StartAsync(failFirst: 1);
        _factory.Settings["Plumb:ResultsWebhook"] = hook.Url;
        _factory.Settings["Plumb:WebhookRetrySeconds"] = "0.05";
        await _factory.SeedAsync(TicketLogs.Documents());
        var client = await EditorAsync();
        await UploadAsync(client, TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        await UploadAsync(client, TicketLogs.Csv(new DateTime(2026, 2, 1), 20), "february.csv");

        var feed = await client.GetAsync("/alignment/feed.atom", ct);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync(ct));
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(a + "feed", atom.Root!.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(atom.Root.Element(a + required));
        var entry = Assert.Single(atom.Root.Elements(a + "entry"));
        Assert.Equal("Incident Management: Median time to resolve turned red", entry.Element(a + "title")!.Value);
        Assert.StartsWith("urn:plumb:news:", entry.Element(a + "id")!.Value);
        Assert.True(DateTimeOffset.TryParse(entry.Element(a + "updated")!.Value, out _));
        Assert.EndsWith("/processes/incident", entry.Element(a + "link")!.Attribute("href")!.Value);
        Assert.Contains("february.csv", entry.Element(a + "summary")!.Value);

        var body = await hook.Received.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        var message = JsonDocument.Parse(body).RootElement;
        Assert.Equal("plumb.results.red", message.GetProperty("event").GetString());
        var item = Assert.Single(message.GetProperty("items").EnumerateArray());
        Assert.Equal(("kpi", "incident", "mttr"), (item.GetProperty("kind").GetString(), item.GetProperty("process").GetString(), item.GetProperty("subject").GetString()));
        Assert.Equal(2, hook.Attempts);

        // The process page and the Alignment page say it, and where it came from.
        var page = await client.GetStringAsync("/processes/incident", ct);
        Assert.Contains("kpi-tile rag-red", page);
        Assert.Contains("From february.csv (upload/incidents, upload 2)", page);
        Assert.Contains("not measurable", page);
        var alignment = await client.GetStringAsync("/alignment", ct);
        Assert.Contains("turned red", alignment);
    }

    [Fact]
    public async Task New_results_change_a_cached_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await _factory.SeedAsync(TicketLogs.Documents());
        var anonymous = _factory.CreateClient();
        Assert.Contains("No ticket data maps onto this process yet", await anonymous.GetStringAsync("/processes/incident", ct));
        await UploadAsync(await EditorAsync(), TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        var page = await anonymous.GetStringAsync("/processes/incident", ct);
        Assert.Contains("kpi-tile rag-green", page);
        var step = await anonymous.GetStringAsync("/processes/incident/procedures/handle-incident/steps/resolve", ct);
        Assert.Contains("How this step is practised", step);
        Assert.Contains("Service Desk (24)", step);
    }

    [Fact]
    public async Task A_reader_chooses_which_source_a_process_page_shows_when_several_have_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        await _factory.SeedAsync(TicketLogs.Documents());
        var editor = await EditorAsync();
        await UploadAsync(editor, TicketLogs.Csv(new DateTime(2026, 1, 1), 2), "incidents.csv", "incidents");
        await UploadAsync(editor, TicketLogs.Csv(new DateTime(2025, 6, 1), 1), "last-year.csv", "last-year");
        var anonymous = _factory.CreateClient();

        var freshest = await anonymous.GetStringAsync("/processes/incident", ct);
        var chosen = await anonymous.GetStringAsync("/processes/incident?source=upload%2Fincidents", ct);
        var other = await anonymous.GetStringAsync("/processes/incident?source=upload%2Flast-year", ct);
        var unknown = await anonymous.GetStringAsync("/processes/incident?source=upload%2Fnothing", ct);

        // Each page names the source its figures come from and links the other one
        Assert.Contains("<p class=\"provenance\">From last-year.csv", other);
        Assert.Contains("?source=upload%2Fincidents\">", other);
        Assert.Contains("<p class=\"provenance\">From incidents.csv", chosen);
        Assert.Contains("?source=upload%2Flast-year\">", chosen);
        Assert.DoesNotContain("?source=upload%2Fincidents\">", chosen);
        // Without a choice (or with one that has no figures) the freshest data is shown
        Assert.Equal(Provenance(freshest), Provenance(unknown));
        Assert.Contains(Provenance(freshest), new[] { Provenance(chosen), Provenance(other) });
    }

    private static string Provenance(string page)
    {
        var start = page.IndexOf("<p class=\"provenance\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page names no source");
        return page[start..page.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_procedure_whose_mapped_events_show_only_unobservable_steps_is_not_measurable_on_the_pages()
    {
        // Given a handbook whose logging step (New, the service desk) the tool cannot show apart, and incidents that are only logged
        var ct = TestContext.Current.CancellationToken;
        var handbook = TicketLogs.Handbook();
        handbook.FindProcess("incident")!.Procedures[0].Steps[0].Tool!.Observable = false;
        await _factory.SeedAsync(Plumb.Server.Handbooks.DocumentSet.Write(handbook));
        await UploadAsync(await EditorAsync(), "number,state,sys_updated_on,assignment_group\nINC0000001,1,2026-01-02 09:00:00,Service Desk\nINC0000002,1,2026-01-03 09:00:00,Service Desk\n");

        var anonymous = _factory.CreateClient();
        var page = await anonymous.GetStringAsync("/processes/incident", ct);
        var alignment = await anonymous.GetStringAsync("/alignment", ct);

        // Then the pages say why instead of a log fitness of 1 and every case fitting
        Assert.Contains("not measurable: the events that map onto procedure", page);
        Assert.DoesNotContain("2 of 2 (100.0 %)", page);
        Assert.Contains("not measurable</span>", alignment);
    }

    [Fact]
    public async Task An_uploaded_servicenow_export_shows_the_steps_on_major_incident_state()
    {
        // Given the baseline's incident process and a ServiceNow JSON export of 30 major incidents
        var ct = TestContext.Current.CancellationToken;
        var baseline = Plumb.Handbook.Baseline.BaselineLibrary.LoadSelection("incident")!;
        await _factory.SeedAsync(Plumb.Server.Handbooks.DocumentSet.Write(baseline));
        var procedure = baseline.FindProcess("incident")!.Procedures.Single(p => p.Id == "major-incident");
        var generated = Plumb.Mining.Generation.LogGenerator.Generate(baseline, procedure, Plumb.Mining.Generation.GeneratorOptions.Clean(30, 2)).Log;
        using var json = new MemoryStream();
        Plumb.Mining.Writers.SnowJsonWriter.Write(generated, json);

        // When it is uploaded and the results computed
        var client = await EditorAsync();
        await UploadAsync(client, Encoding.UTF8.GetString(json.ToArray()), "major.json");
        var results = await client.GetFromJsonAsync<JsonElement>("/api/results", ct);
        var analysis = results.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "analysis" && r.GetProperty("procedure").GetString() == "major-incident");
        var report = JsonDocument.Parse(await client.GetStringAsync(analysis.GetProperty("report").GetString(), ct)).RootElement;

        // Then the audit of major_incident_state shows the declaration of each, and every case fits
        var declare = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "declare-major");
        Assert.Equal(30, declare.GetProperty("cases").GetInt32());
        Assert.Equal(30, report.GetProperty("conformance").GetProperty("overall").GetProperty("fittingCases").GetInt32());
    }

    /// <summary>A webhook receiver on loopback that refuses its first attempts with 500.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private int _attempts;

        public string Url { get; private set; } = "";

        public int Attempts => Volatile.Read(ref _attempts);

        public Channel<string> Received { get; } = Channel.CreateUnbounded<string>();

        public static async Task<Receiver> StartAsync(int failFirst)
        {
            var receiver = new Receiver();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            receiver._app = builder.Build();
            receiver._app.MapPost("/hook", async (HttpContext http) =>
            {
                var attempt = Interlocked.Increment(ref receiver._attempts);
                if (attempt <= failFirst) return Results.StatusCode(500);
                using var reader = new StreamReader(http.Request.Body);
                await receiver.Received.Writer.WriteAsync(await reader.ReadToEndAsync());
                return Results.NoContent();
            });
            await receiver._app.StartAsync();
            receiver.Url = receiver._app.Urls.First() + "/hook";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
