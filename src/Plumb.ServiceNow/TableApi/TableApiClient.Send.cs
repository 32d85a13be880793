namespace Plumb.ServiceNow.TableApi;

public sealed partial class TableApiClient
{
    /// <summary>
    /// Sends one small request (a record read or write) with the same sign-in and retry rules as page downloads and returns
    /// the status code and body. 404 is returned, not thrown, so callers can tell "absent" from a failure.
    /// </summary>
    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, Uri url, string? json, string what, CancellationToken cancellationToken)
    {
        var problem = "no answer";
        TimeSpan? asked = null;
        for (var attempt = 1; attempt <= Retry.MaxAttempts; attempt++)
        {
            if (attempt > 1) await Retry.Delay(asked ?? Retry.WaitBefore(attempt - 1, null, _time.GetUtcNow()), cancellationToken);
            asked = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                using var response = await SendFollowingAsync(method, url, json, HttpCompletionOption.ResponseContentRead, what, timeout.Token);
                var status = (int)response.StatusCode;
                if (RetryPolicy.IsTransient(status))
                {
                    problem = $"{status} {response.ReasonPhrase}";
                    asked = response.Headers.RetryAfter is { } after ? Retry.WaitBefore(attempt, after, _time.GetUtcNow()) : null;
                    continue;
                }

                if (status == 404) return (status, "");
                if (!response.IsSuccessStatusCode) throw await FailureAsync(response, what, timeout.Token);
                return (status, await response.Content.ReadAsStringAsync(timeout.Token));
            }
            catch (HttpRequestException e)
            {
                problem = $"the connection failed ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"no complete answer within {Timeout.TotalSeconds:0} s";
            }
        }

        throw new SnowException($"{what}: gave up after {Retry.MaxAttempts} tries; last problem: {problem}");
    }
}
