namespace Plumb.ServiceNow.Simulator;

/// <summary>Who may sign in to the simulator and how it limits them.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The basic-auth user (also the user of the OAuth password grant); null turns basic auth off.</summary>
    public string? User { get; init; }

    /// <summary>The user's password.</summary>
    public string? Password { get; init; }

    /// <summary>The OAuth client id accepted at <c>/oauth_token.do</c>; null turns OAuth off.</summary>
    public string? ClientId { get; init; }

    /// <summary>The OAuth client secret.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>How long an access token is valid (ServiceNow's default is 30 minutes).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Requests a principal (user or OAuth client) may make per <see cref="RateWindow"/>; null for no limit.</summary>
    public int? RateLimit { get; init; }

    /// <summary>The window of the rate limit; ServiceNow's rate-limit rules count per hour.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The most records one page holds, and the page size when <c>sysparm_limit</c> is not given.</summary>
    public int MaxPageSize { get; init; } = 10000;
}
