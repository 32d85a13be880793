namespace Plumb.Server.Hosting;

/// <summary>The settings of a Plumb server, from the <c>Plumb</c> configuration section or the command line.</summary>
public sealed class PlumbServerOptions
{
    public const string Section = "Plumb";

    /// <summary>A SQLite file path, a PostgreSQL connection string (<c>Host=...</c>) or a <c>postgres://</c> URL.</summary>
    public string? Database { get; set; }

    /// <summary>A handbook folder that seeds an empty store.</summary>
    public string? SeedHandbook { get; set; }

    /// <summary>A folder of reports (analysis, drift, documents) published under /reports.</summary>
    public string? Reports { get; set; }

    /// <summary>When true, readers must sign in; by default anyone may read.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>Origins allowed to frame the portal, e.g. the organisation's ServiceNow instance; space-separated.</summary>
    public string? FrameAncestors { get; set; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Writes allowed per client address per minute.</summary>
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>Reader feedback posts allowed per client address per minute (anyone may post feedback).</summary>
    public int FeedbackPerMinute { get; set; } = 10;

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of reverse proxies whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed; space- or comma-separated. Empty: no forwarded header is believed.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>The largest size of the portal's page cache, in bytes.</summary>
    public long PageCacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest uploaded ticket export once decompressed, in bytes (a gzip upload is bounded by the body limit when compressed).</summary>
    public long MaxUploadExpandedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How often, in seconds, the results service looks for a new handbook version or data it has not computed (new uploads and syncs wake it at once).</summary>
    public double ResultsPollSeconds { get; set; } = 15;

    /// <summary>A URL that receives the news (a KPI or drift turned red) as a JSON POST; none by default.</summary>
    public string? ResultsWebhook { get; set; }

    /// <summary>How many times a failed webhook POST is tried again, with a doubling pause from <see cref="WebhookRetrySeconds"/>.</summary>
    public int WebhookRetries { get; set; } = 3;

    /// <summary>The first pause before a webhook POST is tried again, in seconds.</summary>
    public double WebhookRetrySeconds { get; set; } = 2;
}
