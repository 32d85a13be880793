namespace Plumb.ServiceNow.TableApi;

using System.Net.Http.Headers;

/// <summary>
/// When to try a request again: on 429 and 5xx answers, time-outs, dropped connections and truncated bodies, up to
/// <see cref="MaxAttempts"/> times, waiting what <c>Retry-After</c> asks or an exponential back-off capped at <see cref="MaxDelay"/>.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>How many times a request is sent at most (the first try included).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first back-off; each later one doubles.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries, also the cap on <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How to wait; tests replace it to record waits instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (wait, cancellationToken) => Task.Delay(wait, cancellationToken);

    /// <summary>True for status codes worth another try: 429 Too Many Requests, 408 and every 5xx.</summary>
    public static bool IsTransient(int status) => status is 429 or 408 || status >= 500;

    /// <summary>The wait before try <paramref name="attempt"/> + 1: the server's <c>Retry-After</c> when given, else the back-off.</summary>
    public TimeSpan WaitBefore(int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        TimeSpan? asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (asked is { } a) return a < TimeSpan.Zero ? TimeSpan.Zero : a > MaxDelay ? MaxDelay : a;
        var backOff = BaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        return backOff > MaxDelay ? MaxDelay : backOff;
    }
}
