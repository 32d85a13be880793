namespace Plumb.Server.Tests.Support;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

/// <summary>
/// A browser's cookie jar over a plain HttpClient (no automatic cookies, no redirects), so a test can keep a copy of a
/// cookie, sign out, and send the old copy again, to one server or to another sharing its store.
/// </summary>
public sealed partial class CookieSession(HttpClient client)
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The anti-forgery token the portal gives the signed-in account, sent as X-CSRF-TOKEN on writes.</summary>
    public string? Csrf { get; set; }

    /// <summary>Every Set-Cookie header of the last response, as sent.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public CookieSession Copy()
    {
        var copy = new CookieSession(client) { Csrf = Csrf };
        foreach (var (name, value) in Cookies) copy.Cookies[name] = value;
        return copy;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        if (Csrf is not null && request.Method != HttpMethod.Get) request.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", Csrf);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
        foreach (var cookie in SetCookieHeaderValue.ParseList(LastSetCookies.ToList()))
        {
            var expired = cookie.Expires is { } expires && expires < DateTimeOffset.UtcNow;
            if (expired || cookie.Value.Length == 0) Cookies.Remove(cookie.Name.Value!);
            else Cookies[cookie.Name.Value!] = cookie.Value.Value!;
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Signs in through the portal's form; on success also fetches the anti-forgery token for writes.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string server, string name, string password, string returnUrl = "/")
    {
        var form = await (await GetAsync(server + "/signin")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = FormToken().Match(form).Groups[1].Value;
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, server + "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__csrf"] = token, ["username"] = name, ["password"] = password, ["returnUrl"] = returnUrl,
            }),
        });
        if ((int)response.StatusCode == 302)
        {
            var me = await (await GetAsync(server + "/api/me")).Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
            Csrf = (string?)me!["csrfToken"];
        }

        return response;
    }

    public Task<HttpResponseMessage> SignOutAsync(string server) => SendAsync(new HttpRequestMessage(HttpMethod.Post, server + "/signout"));

    /// <summary>An editor's write: a process saved back unchanged would be "nothing to save", so its name gains a mark.</summary>
    public async Task<HttpResponseMessage> WriteAsync(string server, string mark)
    {
        var read = await GetAsync(server + "/api/processes/incident");
        var etag = read.Headers.ETag?.Tag ?? "\"0\"";
        var process = await read.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        process!["name"] = "Incident Management " + mark;
        var request = new HttpRequestMessage(HttpMethod.Put, server + "/api/processes/incident") { Content = JsonContent.Create(process) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await SendAsync(request);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
