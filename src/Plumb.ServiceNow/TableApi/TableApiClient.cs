namespace Plumb.ServiceNow.TableApi;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Reads the ServiceNow Table API (<c>GET /api/now/table/{table}</c>) page by page, streaming each page to a file;
/// signs in with basic auth or OAuth, retries 429/5xx/time-outs/truncated bodies with back-off honouring <c>Retry-After</c>,
/// and turns every other failure into a one-line <see cref="SnowException"/>.
/// </summary>
public sealed partial class TableApiClient
{
    private readonly HttpClient _http;
    private readonly SnowCredentials _credentials;
    private readonly OAuthTokenSource? _tokens;
    private readonly TimeProvider _time;

    /// <summary>A client for the instance at <paramref name="instance"/> (checked with <see cref="InstanceUrl.Parse"/>).</summary>
    public TableApiClient(Uri instance, SnowCredentials credentials, HttpClient http, RetryPolicy? retry = null, TimeProvider? time = null)
    {
        Instance = instance;
        _credentials = credentials;
        _http = http;
        _time = time ?? TimeProvider.System;
        Retry = retry ?? new RetryPolicy();
        if (credentials.IsOAuth) _tokens = new OAuthTokenSource(http, instance, credentials, _time);
    }

    /// <summary>The instance base URL.</summary>
    public Uri Instance { get; }

    /// <summary>The retry policy in force.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>How long one request (headers and body) may take before it counts as timed out and is tried again.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Fetches one page into <paramref name="file"/> (written whole or not at all) and returns its record count and the
    /// next page's URL from the <c>Link</c> header. <paramref name="what"/> names the page in messages ("incident page 3").
    /// </summary>
    public async Task<PageDownload> DownloadPageAsync(Uri url, string file, string what, CancellationToken cancellationToken)
    {
        var temporary = file + ".part";
        string problem = "no answer";
        var refreshedToken = false;
        TimeSpan? asked = null;
        for (var attempt = 1; attempt <= Retry.MaxAttempts; attempt++)
        {
            // The instance's Retry-After wins over the back-off.
            if (attempt > 1) await Retry.Delay(asked ?? Retry.WaitBefore(attempt - 1, null, _time.GetUtcNow()), cancellationToken);
            asked = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                using var response = await SendFollowingAsync(HttpMethod.Get, url, null, HttpCompletionOption.ResponseHeadersRead, what, timeout.Token);
                var status = (int)response.StatusCode;
                if (status == 401 && _tokens is not null && !refreshedToken)
                {
                    _tokens.Invalidate();
                    refreshedToken = true;
                    attempt--;
                    continue;
                }

                if (RetryPolicy.IsTransient(status))
                {
                    problem = $"{status} {response.ReasonPhrase}";
                    asked = response.Headers.RetryAfter is { } after ? Retry.WaitBefore(attempt, after, _time.GetUtcNow()) : null;
                    continue;
                }

                if (!response.IsSuccessStatusCode) throw await FailureAsync(response, what, timeout.Token);
                var type = response.Content.Headers.ContentType?.MediaType;
                if (type is not null && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new SnowException($"{what}: the answer is {type}, not JSON; is --instance a ServiceNow instance, and is the Table API enabled?");
                }

                await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    await response.Content.CopyToAsync(output, timeout.Token);
                }

                var check = PageValidator.Validate(temporary);
                if (check.ServerError is not null) throw new SnowException($"{what}: the instance answered with an error: {Clean(check.ServerError)}");
                if (check is { Permanent: true, Problem: { } permanent })
                {
                    File.Delete(temporary);
                    throw new SnowException($"{what}: {permanent}");
                }

                if (check.Problem is not null)
                {
                    problem = check.Problem;
                    continue;
                }

                File.Move(temporary, file, overwrite: true);
                return new PageDownload(check.Records, NextLink(response), TotalCount(response));
            }
            catch (HttpRequestException e)
            {
                problem = e.HttpRequestError == HttpRequestError.ConnectionError
                    ? $"cannot connect to {Instance.Host}:{Instance.Port} ({e.Message})"
                    : $"the connection failed ({e.Message})";
            }
            catch (IOException e)
            {
                problem = $"the connection broke while reading ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"no complete answer within {Timeout.TotalSeconds:0} s";
            }
        }

        if (File.Exists(temporary)) File.Delete(temporary);
        throw new SnowException($"{what}: gave up after {Retry.MaxAttempts} tries; last problem: {problem}");
    }

    /// <summary>A request with the Accept header and the Authorization header of the configured sign-in.</summary>
    public async Task<HttpRequestMessage> RequestAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        if (!InstanceUrl.SameOrigin(Instance, url)) throw new SnowException($"refusing to send credentials to {url.Host}, which is not the instance");
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = _tokens is not null
            ? new AuthenticationHeaderValue("Bearer", await _tokens.GetAsync(cancellationToken))
            : new AuthenticationHeaderValue("Basic", _credentials.BasicToken);
        return request;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> for talking to an instance: it does not follow redirects itself, so the client can refuse
    /// one that leaves the instance's origin before anything (credentials, a record) is sent there.
    /// </summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>How many redirects within the instance's origin are followed for one request.</summary>
    public const int MaxRedirects = 5;

    // Sends a request, following redirects only within the instance's origin: a redirect elsewhere is refused, so neither the
    // Authorization header nor a record body goes to another host. Each hop is a fresh request (content cannot be re-sent).
    private async Task<HttpResponseMessage> SendFollowingAsync(HttpMethod method, Uri url, string? json, HttpCompletionOption option, string what,
        CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = await RequestAsync(method, url, cancellationToken);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            var response = await _http.SendAsync(request, option, cancellationToken);
            if (response.RequestMessage?.RequestUri is { } answered && !InstanceUrl.SameOrigin(Instance, answered))
            {
                // A handler that follows redirects itself has already gone elsewhere; say so rather than use the answer.
                response.Dispose();
                throw new SnowException($"{what}: the request was redirected to {Origin(answered)}, which is not the instance; " +
                    "use an HttpClient that does not follow redirects (TableApiClient.CreateHttpClient)");
            }

            var status = (int)response.StatusCode;
            if (status is < 300 or > 399 || status == 304) return response;
            var location = response.Headers.Location;
            response.Dispose();
            if (location is null) throw new SnowException($"{what}: the instance answered {status} without a Location to go to");
            var next = location.IsAbsoluteUri ? location : new Uri(url, location);
            if (!InstanceUrl.SameOrigin(Instance, next))
            {
                throw new SnowException($"{what}: the instance redirected ({status}) to {Origin(next)}, which is not the instance; refusing to follow it. " +
                    "Give the instance's own address as --instance (the one the browser ends up on)");
            }

            if (hop >= MaxRedirects) throw new SnowException($"{what}: more than {MaxRedirects} redirects; is --instance the instance's base URL?");
            // 301/302/303 turn a write into a read in browsers; for the Table API that would silently drop the write.
            if (status is 301 or 302 or 303 && method != HttpMethod.Get)
            {
                throw new SnowException($"{what}: the instance answered {status} to a {method}; refusing to repeat the write elsewhere");
            }

            url = next;
        }
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    // Instance text with every secret of this client removed (the instance or a proxy may echo the Authorization header).
    private string Clean(string text) =>
        InstanceText.Clean(text, _tokens?.Current is { } token ? _credentials.Secrets().Append(token) : _credentials.Secrets());

    /// <summary>The one-line message for a non-retryable answer (401, 403, 404, other 4xx), with the instance's own error text, secrets removed.</summary>
    public async Task<SnowException> FailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var detail = await ServerMessageAsync(response, cancellationToken);
        var text = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"{what}: the instance refused the credentials (401 Unauthorized{detail}); check the user and password or the OAuth client",
            HttpStatusCode.Forbidden => $"{what}: access denied (403 Forbidden{detail}); the user needs read access to the table (a role such as itil, or an ACL)",
            HttpStatusCode.NotFound => $"{what}: not found (404{detail}); the table does not exist on this instance or --instance is not the instance's base URL",
            _ => $"{what}: the instance answered {status} {response.ReasonPhrase}{detail}",
        };
        return new SnowException(text, status);
    }

    private async Task<string> ServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > 4096) body = body[..4096];
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? $": {Clean(Snapshot.TableApiJsonReader.ErrorText(error))}" : "";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or HttpRequestException or IOException)
        {
            return "";
        }
    }

    private Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (Match m in LinkPattern().Matches(string.Join(",", values)))
        {
            if (!string.Equals(m.Groups[2].Value, "next", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(Instance, m.Groups[1].Value, out var next)) return null;
            return InstanceUrl.SameOrigin(Instance, next) ? next : throw new SnowException($"the next-page link points at {Origin(next)}, not the instance; refusing to follow it");
        }

        return null;
    }

    private static long? TotalCount(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Total-Count", out var values) && long.TryParse(values.FirstOrDefault(), out var n) ? n : null;

    [GeneratedRegex("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?")]
    private static partial Regex LinkPattern();
}

/// <summary>What one downloaded page held: its record count, the next page's URL (null on the last page) and the total when sent.</summary>
public sealed record PageDownload(int Records, Uri? Next, long? TotalCount);
