namespace Plumb.ServiceNow.Simulator;

/// <summary>
/// A fixed-window request count per principal, as ServiceNow's inbound REST rate-limit rules keep it (per user, per
/// clock hour by default): within the limit a request passes; beyond it, it is refused until the window ends.
/// </summary>
public sealed class RateLimitRule(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);

    /// <summary>The sys_id the rule is reported with (<c>X-RateLimit-Rule</c>).</summary>
    public const string RuleId = "5c0a4ee1c3a12010f0b3d2a2e8d3ae01";

    /// <summary>Requests allowed per window.</summary>
    public int Limit => limit;

    /// <summary>Counts one request of <paramref name="principal"/>: whether it may pass, and when the window resets.</summary>
    public (bool Allowed, DateTimeOffset Reset) Count(string principal)
    {
        var now = time.GetUtcNow();
        var index = now.UtcTicks / window.Ticks;
        var reset = new DateTimeOffset((index + 1) * window.Ticks, TimeSpan.Zero);
        lock (_gate)
        {
            var (current, count) = _counts.GetValueOrDefault(principal);
            count = current == index ? count + 1 : 1;
            _counts[principal] = (index, count);
            return (count <= limit, reset);
        }
    }
}
