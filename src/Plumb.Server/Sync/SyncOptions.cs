namespace Plumb.Server.Sync;

using Plumb.ServiceNow.TableApi;

/// <summary>How the server syncs its connections (one singleton; tests replace it).</summary>
public sealed class SyncOptions
{
    /// <summary>Records per Table API page (ServiceNow answers up to 10,000; fewer, larger pages make a long history quicker to pull).</summary>
    public int PageSize { get; init; } = 5000;

    /// <summary>How long a sync's lease lasts without a committed page; another instance may take over a sync silent for longer.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How far before the last watermark an incremental sync starts, so rows stamped in the same second are not missed.</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the scheduler looks for connections that are due.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The retry policy of the Table API client (null: the CLI's).</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Makes the HTTP client of one sync.</summary>
    public Func<HttpClient> Http { get; init; } = TableApiClient.CreateHttpClient;

    /// <summary>False turns the schedule off (syncs run on demand only), for tests.</summary>
    public bool Scheduled { get; init; } = true;
}
