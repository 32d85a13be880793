namespace Plumb.Server.Alignment;

using Microsoft.Extensions.Options;
using Plumb.Server.Handbooks;
using Plumb.Server.History;
using Plumb.Server.Hosting;

/// <summary>
/// Computes results off the request path, one computation at a time: after every completed sync or upload
/// (<see cref="TicketDataSignal"/>) and every new handbook version (looked for every <see cref="PlumbServerOptions.ResultsPollSeconds"/>),
/// for every source whose latest data has no results for the current version yet. A computation that fails is stored as a failed
/// run and shown; it is not tried again until the data or the handbook changes. Instances sharing a store may compute the same
/// data at once; only the first stores it (and sends its news).
/// </summary>
public sealed class ResultsService(
    IEnumerable<ITicketDataProvider> providers, TicketDataSignal signal, HandbookService handbooks, IResultStore store, ResultsBoard board,
    NewsWebhook webhook, IOptions<PlumbServerOptions> options, TimeProvider time, ILogger<ResultsService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private int _computations;

    /// <summary>How many computations this instance has finished (stored or failed), for tests and logs.</summary>
    public int Computations => Volatile.Read(ref _computations);

    /// <summary>Computes what is missing for the current handbook version now; returns how many sources were computed.</summary>
    public async Task<int> ComputePendingAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            return await ComputePendingOnceAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<int> ComputePendingOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = await handbooks.GetCurrentAsync(cancellationToken);
        var version = snapshot.Version.Number;
        var computed = 0;
        if (version > 0)
        {
            foreach (var provider in providers)
            {
                IReadOnlyList<TicketDataInfo> sources;
                try
                {
                    sources = await provider.ListAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Results: the sources of {Prefix} could not be listed", provider.Prefix);
                    continue;
                }

                foreach (var info in sources)
                {
                    if (await store.HasResultAsync(new ResultKey(info.Source, ResultKinds.Run, "", "", version, info.Revision), cancellationToken)) continue;
                    await ComputeAsync(provider, info, snapshot.Handbook, version, cancellationToken);
                    computed++;
                }
            }
        }

        await board.RefreshAsync(cancellationToken);
        return computed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.ResultsPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ComputePendingAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The store may be briefly away; the next round tries again. Nothing here may stop the server.
                logger.LogWarning(e, "Results: a round of computation failed");
            }

            // Sleep until new data is signalled or the poll comes round (a new handbook version, another instance's results).
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wake.CancelAfter(poll);
            try
            {
                await signal.Reader.WaitToReadAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }

            while (signal.Reader.TryRead(out _))
            {
            }
        }
    }

    private async Task ComputeAsync(ITicketDataProvider provider, TicketDataInfo listed, Plumb.Handbook.Model.Handbook handbook, long version,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var info = listed;
        try
        {
            var data = await provider.LoadAsync(listed.Source, cancellationToken);
            if (data is null) return; // removed since it was listed
            info = data.Info;
            var previous = (await store.ListLatestResultsAsync(cancellationToken)).Where(r => r.Key.Source == info.Source).ToList();
            // The replay and KPIs are CPU work: off the request threads, one at a time.
            var computed = await Task.Run(() => ResultsComputation.Compute(handbook, version, data, previous, time.GetUtcNow()), cancellationToken);
            if (!await store.SaveResultsAsync(computed.Results, computed.KpiValues, computed.News, cancellationToken))
            {
                logger.LogInformation("Results: {Source} revision {Revision} against handbook version {Version} was stored by another instance first",
                    info.Source, info.Revision, version);
                return;
            }

            logger.LogInformation("Results: {Source} revision {Revision} against handbook version {Version}: {Count} result(s), {News} news item(s) in {Elapsed:F1} s",
                info.Source, info.Revision, version, computed.Results.Count - 1, computed.News.Count, time.GetElapsedTime(started).TotalSeconds);
            if (computed.News.Count > 0) webhook.Post(await store.ListNewsAsync(computed.News.Count, cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Results: {Source} revision {Revision} against handbook version {Version} failed", info.Source, info.Revision, version);
            await store.SaveResultsAsync([ResultsComputation.Failure(info, version, time.GetUtcNow(), e.Message)], [], [], cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _computations);
        }
    }
}
