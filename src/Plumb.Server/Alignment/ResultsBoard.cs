namespace Plumb.Server.Alignment;

/// <summary>The latest results as pages read them: figures per process, drift per source, KPI values per period, news and failures.</summary>
public sealed class ResultsView
{
    /// <summary>No results yet.</summary>
    public static ResultsView Empty { get; } = new(0, [], [], []);

    public ResultsView(long generation, IReadOnlyList<StoredResult> latest, IReadOnlyList<KpiPeriodValue> kpiValues, IReadOnlyList<NewsItem> news)
    {
        Generation = generation;
        News = news;
        Runs = latest.Where(r => r.Key.Kind == ResultKinds.Run).OrderByDescending(r => r.Id).ToList();
        Drift = latest.Where(r => r.Key.Kind == ResultKinds.Drift && r.Figures is not null)
            .Select(r => (Result: r, Figures: DriftFigures.FromJson(r.Figures!))).OrderByDescending(d => d.Result.Id).ToList();
        Analyses = latest.Where(r => r.Key.Kind == ResultKinds.Analysis && r.Figures is not null)
            .Select(r => (Result: r, Figures: ProcessFigures.FromJson(r.Figures!))).ToList();
        KpiValues = kpiValues.GroupBy(v => (v.Source, v.Process, v.Kpi)).ToDictionary(g => g.Key, g => (IReadOnlyList<KpiPeriodValue>)g.OrderBy(v => v.Period, StringComparer.Ordinal).ToList());
    }

    /// <summary>The id of the newest stored result: a new one means pages change.</summary>
    public long Generation { get; }

    /// <summary>The latest computation of every source, newest first (failures carry their error).</summary>
    public IReadOnlyList<StoredResult> Runs { get; }

    /// <summary>The latest drift of every source that has a configuration, newest first.</summary>
    public IReadOnlyList<(StoredResult Result, DriftFigures Figures)> Drift { get; }

    /// <summary>The latest analysis of every source, process and procedure.</summary>
    public IReadOnlyList<(StoredResult Result, ProcessFigures Figures)> Analyses { get; }

    /// <summary>KPI values per period, by source, process and KPI, oldest period first.</summary>
    public IReadOnlyDictionary<(string Source, string Process, string Kpi), IReadOnlyList<KpiPeriodValue>> KpiValues { get; }

    /// <summary>News, newest first.</summary>
    public IReadOnlyList<NewsItem> News { get; }

    /// <summary>
    /// The analyses of a process from <paramref name="source"/> when it has figures for it, else from the source with the freshest
    /// data (when several sources have data for it), the first procedure first; empty when no data maps onto the process.
    /// </summary>
    public IReadOnlyList<(StoredResult Result, ProcessFigures Figures)> ForProcess(string process, IReadOnlyList<string> procedureOrder, string? source = null)
    {
        var mine = Analyses.Where(a => a.Result.Key.Process == process).ToList();
        if (mine.Count == 0) return [];
        // The freshest data tells how the process is practised now; between equally fresh sources, the one that maps more of the work.
        if (source is null || !mine.Any(a => a.Result.Key.Source == source))
        {
            source = mine.GroupBy(a => a.Result.Key.Source).OrderByDescending(g => g.Max(a => a.Result.Data.At))
                .ThenByDescending(g => g.Sum(a => (long)a.Figures.Mapping.MappedEvents)).First().Key;
        }

        return mine.Where(a => a.Result.Key.Source == source).OrderBy(a => Order(procedureOrder, a.Result.Key.Procedure)).ToList();
    }

    /// <summary>Other sources that also have figures for the process.</summary>
    public IReadOnlyList<StoredResult> OtherSources(string process, string shown) =>
        Analyses.Where(a => a.Result.Key.Process == process && a.Result.Key.Source != shown).GroupBy(a => a.Result.Key.Source).Select(g => g.First().Result).ToList();

    /// <summary>The KPI's values per period from one source, oldest first.</summary>
    public IReadOnlyList<KpiPeriodValue> Trend(string source, string process, string kpi) =>
        KpiValues.TryGetValue((source, process, kpi), out var list) ? list : [];

    /// <summary>The drift items of the latest drift that concern a process (its document), with the result they came from.</summary>
    public (StoredResult Result, IReadOnlyList<Plumb.ServiceNow.Drift.DriftItem> Items)? DriftOf(string? process)
    {
        if (Drift.Count == 0) return null;
        var (result, figures) = Drift[0];
        return (result, figures.Drift.Where(d => DriftFigures.ProcessOf(d) == process).ToList());
    }

    private static int Order(IReadOnlyList<string> order, string id)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == id) return i;
        }

        return int.MaxValue;
    }
}

/// <summary>
/// Holds the <see cref="ResultsView"/> pages render from, reloaded from the store when results change (on this instance or
/// another), so a page never waits for a computation or reads the store for its figures.
/// </summary>
public sealed class ResultsBoard(IResultStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ResultsView _current = ResultsView.Empty;

    /// <summary>The latest results.</summary>
    public ResultsView Current => _current;

    /// <summary>Reloads when the store holds newer results than the view; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var latest = await store.LatestResultIdAsync(cancellationToken);
            if (latest == _current.Generation) return false;
            var results = await store.ListLatestResultsAsync(cancellationToken);
            var values = await store.ListKpiValuesAsync(cancellationToken);
            var news = await store.ListNewsAsync(50, cancellationToken);
            _current = new ResultsView(results.Count == 0 ? 0 : Math.Max(latest, results.Max(r => r.Id)), results, values, news);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
