namespace Plumb.Server.Tests.Alignment;

using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Plumb.Mining.Readers;
using Plumb.Server.Alignment;
using Plumb.Server.Handbooks;
using Plumb.Server.History;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;
using Plumb.Server.Uploads;

/// <summary>Uploads and results in the store, computed by the results service: run against SQLite and PostgreSQL alike.</summary>
public abstract class ResultsContract : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected IPlumbStore Store { get; private set; } = null!;

    private HandbookService Handbooks { get; set; } = null!;

    private UploadService Uploads { get; set; } = null!;

    private ResultsService Results { get; set; } = null!;

    private ResultsBoard Board { get; set; } = null!;

    protected abstract Task<IPlumbStore> CreateStoreAsync();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(CancellationToken.None);
        var options = Options.Create(new PlumbServerOptions());
        var signal = new TicketDataSignal();
        Handbooks = new HandbookService(Store, _time);
        Uploads = new UploadService((IUploadStore)Store, signal, options, _time);
        Board = new ResultsBoard((IResultStore)Store);
        Results = new ResultsService([Uploads], signal, Handbooks, (IResultStore)Store, Board, new NewsWebhook(options, NullLogger<NewsWebhook>.Instance),
            options, _time, NullLogger<ResultsService>.Instance);
        var saved = await Handbooks.SaveAsync(0, TicketLogs.Documents(), "test", "seed", CancellationToken.None);
        Assert.NotNull(saved.Saved);
    }

    public virtual ValueTask DisposeAsync()
    {
        Results.Dispose();
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<UploadOutcome> UploadAsync(string csv, string? name = "incidents", string file = "incidents.csv") =>
        Uploads.AddAsync(file, name, new UploadReading(null, "utf-8", new CsvLogOptions()), new MemoryStream(Encoding.UTF8.GetBytes(csv)), "ann",
            TestContext.Current.CancellationToken);

    private IResultStore ResultStore => (IResultStore)Store;

    [Fact]
    public async Task Results_are_stored_per_handbook_version_and_source_revision_and_a_new_version_recomputes()
    {
        var ct = TestContext.Current.CancellationToken;
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        Assert.Equal(1, await Results.ComputePendingAsync(ct));
        Assert.Equal(0, await Results.ComputePendingAsync(ct)); // nothing new: nothing computed again

        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 2, 1), 3));
        Assert.Equal(1, await Results.ComputePendingAsync(ct));

        // A new handbook version: the latest data of every source is computed against it.
        var head = await Handbooks.GetCurrentAsync(ct);
        var documents = head.Documents.ToDictionary(d => d.Path, d => d.Content);
        var saved = await Handbooks.SaveAsync(head.Version.Number, documents.ToDictionary(p => p.Key,
            p => p.Key == "processes/incident.yaml" ? p.Value.Replace("target: 8", "target: 2.5", StringComparison.Ordinal) : p.Value), "ann", "tighter target", ct);
        Assert.Equal(2, saved.Saved!.Version.Number);
        Assert.Equal(1, await Results.ComputePendingAsync(ct));

        var analyses = (await ResultStore.ListResultsAsync("incident", ct)).Where(r => r.Key.Kind == ResultKinds.Analysis).ToList();
        Assert.Equal([(1L, 1L), (1L, 2L), (2L, 2L)], analyses.Select(r => (r.Key.HandbookVersion, r.Key.Revision)));
        Assert.All(analyses, r => Assert.Equal(("upload/incidents", "handle-incident"), (r.Key.Source, r.Key.Procedure)));
        Assert.Equal("incidents.csv (upload/incidents, upload 2)", analyses[^1].Data.Title);

        var now = ProcessFigures.FromJson(analyses[^1].Figures!);
        var mttr = now.Kpis.Single(k => k.Id == "mttr");
        Assert.Equal((3.0, 2.5), (mttr.Value!.Value, mttr.Target!.Value));
        Assert.Equal(Plumb.Mining.Kpis.RagStatus.Red, mttr.Status);
        Assert.Equal(12, now.Summary.Cases);
        var resolve = now.Steps.Single(s => s.Step == "resolve");
        Assert.Equal((12, 24, 0.5), (resolve.Cases, resolve.Events, resolve.MedianHours!.Value));
        Assert.Equal(3.0, now.Steps.Single(s => s.Step == "log").MedianHours!.Value); // New waits until the work starts
        Assert.Equal(["bob", "cy"], resolve.Resources.Select(r => r.Name));
        Assert.Equal(0, now.Steps.Single(s => s.Step == "close").Cases);

        // The board pages read from has the newest of each, and the version it came from.
        Assert.True(Board.Current.Generation > 0);
        var shown = Assert.Single(Board.Current.ForProcess("incident", ["handle-incident"]));
        Assert.Equal(2, shown.Result.Key.HandbookVersion);
    }

    [Fact]
    public async Task Kpi_periods_accumulate_across_two_uploads_covering_different_months()
    {
        var ct = TestContext.Current.CancellationToken;
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        await Results.ComputePendingAsync(ct);
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 2, 1), 20, firstNumber: 100));
        await Results.ComputePendingAsync(ct);

        var values = (await ResultStore.ListKpiValuesAsync(ct)).Where(v => v.Kpi == "mttr").ToList();
        Assert.Equal(["2026-01", "2026-02"], values.Select(v => v.Period));
        Assert.Equal([(2.0, "green", 1L), (20.0, "red", 2L)], values.Select(v => (v.Value!.Value, v.Status!, v.Revision)));
        var trend = Board.Current.Trend("upload/incidents", "incident", "mttr");
        Assert.Equal(2, trend.Count);
    }

    [Fact]
    public async Task A_kpi_that_turns_red_is_news_once_and_a_kpi_without_data_is_not_measurable()
    {
        var ct = TestContext.Current.CancellationToken;
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        await Results.ComputePendingAsync(ct);
        Assert.Empty(await ResultStore.ListNewsAsync(10, ct)); // nothing turned: there was nothing before

        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 2, 1), 20));
        await Results.ComputePendingAsync(ct);
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 3, 1), 30));
        await Results.ComputePendingAsync(ct);

        var news = Assert.Single(await ResultStore.ListNewsAsync(10, ct)); // red already the second time: not news again
        Assert.Equal(("kpi", "incident", "mttr", 2L), (news.Kind, news.Process, news.Subject, news.Revision));
        Assert.Contains("Median time to resolve turned red", news.Title);
        Assert.Contains("20 hours", news.Detail);

        var figures = Board.Current.ForProcess("incident", ["handle-incident"])[0].Figures;
        var close = figures.Kpis.Single(k => k.Id == "time-to-close");
        Assert.Null(close.Value);
        Assert.Null(close.Status);
        Assert.NotNull(close.NotMeasurable);
    }

    [Fact]
    public async Task Every_upload_without_a_name_is_a_source_of_its_own_and_the_data_reads_back_as_uploaded()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2), name: null);
        var second = await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2, cases: 5), name: null);
        Assert.Equal($"upload/{first.Upload.Id}", first.Upload.Source);
        Assert.NotEqual(first.Upload.Source, second.Upload.Source);
        Assert.Equal((1L, 1L), (first.Upload.Revision, second.Upload.Revision));

        var listed = await Uploads.ListAsync(ct);
        Assert.Equal(2, listed.Count);
        var data = await Uploads.LoadAsync(second.Upload.Source, ct);
        Assert.Equal((5, 15), (data!.Log.CaseCount, data.Log.EventCount));
        Assert.Null(data.Configuration);
        Assert.Null(await Uploads.LoadAsync("upload/none", ct));
    }

    [Fact]
    public async Task A_computation_that_fails_is_stored_as_a_failed_run_and_not_thrown()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new PlumbServerOptions());
        var failing = new ResultsService([new FailingProvider()], new TicketDataSignal(), Handbooks, ResultStore, Board,
            new NewsWebhook(options, NullLogger<NewsWebhook>.Instance), options, _time, NullLogger<ResultsService>.Instance);
        Assert.Equal(1, await failing.ComputePendingAsync(ct));
        Assert.Equal(0, await failing.ComputePendingAsync(ct)); // stored: not retried until the data or the handbook changes

        var run = Assert.Single(Board.Current.Runs);
        Assert.Equal(("upload/broken", "the export was cut off"), (run.Key.Source, run.Error));
        failing.Dispose();
    }

    [Fact]
    public async Task Of_two_instances_computing_the_same_data_and_version_only_the_first_stores_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await UploadAsync(TicketLogs.Csv(new DateTime(2026, 1, 1), 2));
        var data = (await Uploads.LoadAsync("upload/incidents", ct))!;
        var handbook = (await Handbooks.GetCurrentAsync(ct)).Handbook;
        var computed = ResultsComputation.Compute(handbook, 1, data, [], _time.GetUtcNow());
        Assert.True(await ResultStore.SaveResultsAsync(computed.Results, computed.KpiValues, computed.News, ct));
        var stored = await ResultStore.ListLatestResultsAsync(ct);

        var again = ResultsComputation.Compute(handbook, 1, data, [], _time.GetUtcNow());
        Assert.False(await ResultStore.SaveResultsAsync(again.Results, again.KpiValues, again.News, ct));
        Assert.Equal(stored.Select(r => r.Id), (await ResultStore.ListLatestResultsAsync(ct)).Select(r => r.Id));
        Assert.Equal(0, await Results.ComputePendingAsync(ct)); // and the service sees it done
    }

    private sealed class FailingProvider : ITicketDataProvider
    {
        public string Prefix => "upload/";

        public Task<IReadOnlyList<TicketDataInfo>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TicketDataInfo>>([new TicketDataInfo("upload/broken", "broken.csv", 1, DateTimeOffset.UnixEpoch, 1, 1)]);

        public Task<TicketData?> LoadAsync(string source, CancellationToken cancellationToken) => throw new InvalidDataException("the export was cut off");
    }
}
