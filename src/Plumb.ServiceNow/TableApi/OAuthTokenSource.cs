namespace Plumb.ServiceNow.TableApi;

using System.Net.Http.Headers;
using System.Text.Json;

/// <summary>
/// Gets and caches an OAuth 2.0 access token from the instance's <c>/oauth_token.do</c> endpoint: the password grant when
/// a user is known, else client credentials. The token is renewed a minute before it expires, or when the instance refuses it.
/// </summary>
public sealed class OAuthTokenSource(HttpClient http, Uri instance, SnowCredentials credentials, TimeProvider time)
{
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>A valid bearer token, fetching a new one when needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && time.GetUtcNow() < _expires) return _token;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = credentials.User is null ? "client_credentials" : "password",
            ["client_id"] = credentials.ClientId!,
            ["client_secret"] = credentials.ClientSecret!,
        };
        if (credentials.User is not null)
        {
            form["username"] = credentials.User;
            form["password"] = credentials.Password!;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, "oauth_token.do")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.RequestMessage?.RequestUri is { } answered && !InstanceUrl.SameOrigin(instance, answered))
        {
            throw new SnowException($"the OAuth token request was redirected to {answered.GetLeftPart(UriPartial.Authority)}, which is not the instance; refusing its answer");
        }

        if ((int)response.StatusCode is >= 300 and <= 399)
        {
            throw new SnowException($"the instance answered the OAuth token request with a redirect ({(int)response.StatusCode}); give the instance's own address as --instance");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SnowException($"the instance refused the OAuth token request ({(int)response.StatusCode} {response.ReasonPhrase}{InstanceText.Clean(Describe(body), credentials.Secrets())}); " +
                $"check the client id and secret{(credentials.User is null ? "" : " and the user's password")} ({credentials})", (int)response.StatusCode);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            _token = json.RootElement.GetProperty("access_token").GetString() ?? throw new KeyNotFoundException();
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 1800;
            _expires = time.GetUtcNow().AddSeconds(Math.Max(0, seconds - 60));
            return _token;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SnowException("the OAuth token endpoint answered without an access_token; is /oauth_token.do enabled on the instance?");
        }
    }

    /// <summary>The token in use, if any (so messages can leave it out).</summary>
    public string? Current => _token;

    /// <summary>Forgets the cached token, so the next request fetches a fresh one.</summary>
    public void Invalidate() => _token = null;

    // The error and error_description fields of an OAuth error answer; never the request, which holds the secret.
    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString()
                : json.RootElement.TryGetProperty("error", out var e) ? e.ToString() : null;
            return string.IsNullOrWhiteSpace(error) ? "" : $": {error}";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
