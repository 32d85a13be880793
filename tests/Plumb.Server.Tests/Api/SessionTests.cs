namespace Plumb.Server.Tests.Api;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Accounts;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>Sign-in that can be taken back, return addresses that stay on the site, and --require-sign-in on every page that shows the handbook.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly PlumbFactory _factory = new();

    public async ValueTask InitializeAsync() => await _factory.SeedAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private CookieSession Browser(PlumbFactory? factory = null) =>
        new((factory ?? _factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    private async Task<CookieSession> EditorAsync(string name = "eve")
    {
        await _factory.TokenAsync(name, AccountRole.Editor);
        var browser = Browser();
        var signIn = await browser.SignInAsync("", name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task After_sign_out_the_old_cookie_is_refused_for_reads_of_the_account_and_for_writes()
    {
        // Given an editor who can write with the portal cookie, and a copy of that cookie
        var browser = await EditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.WriteAsync("", "1")).StatusCode);
        var stolen = browser.Copy();

        // When the editor signs out
        var signOut = await browser.SignOutAsync("");

        // Then the copy of the cookie no longer writes, nor names the account
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.WriteAsync("", "2")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("/api/tokens")).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/processes/incident");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task A_demoted_editors_cookie_can_no_longer_write()
    {
        var browser = await EditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.WriteAsync("", "1")).StatusCode);

        await _factory.Services.GetRequiredService<AccountService>().SetRoleAsync("eve", AccountRole.Reader, "admin", CancellationToken.None);

        var write = await browser.WriteAsync("", "2");
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        var audit = await _factory.Services.GetRequiredService<IPlumbStore>().ListAuditAsync(5, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "user-role" && e.Detail == "eve as reader; 1 session(s) ended");
    }

    [Fact]
    public async Task A_demotion_through_the_API_ends_the_sessions_at_once()
    {
        var browser = await EditorAsync();
        using var admin = _factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await _factory.TokenAsync("root", AccountRole.Admin));

        var demote = await admin.PutAsJsonAsync("/api/users/eve/role", new { role = "reader" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.WriteAsync("", "x")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_from_before_sessions_existed_or_naming_no_session_is_refused()
    {
        // A principal without a session claim, as a cookie issued before this release carries: it must sign in again.
        var browser = await EditorAsync();
        var store = _factory.Services.GetRequiredService<IPlumbStore>();
        var user = (await store.FindUserAsync("eve", CancellationToken.None))!;
        Assert.Equal(1, await store.EndSessionsAsync(user.Id, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/tokens")).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_token_takes_effect_at_once()
    {
        using var client = _factory.CreateClient();
        var secret = await _factory.TokenAsync("ted", AccountRole.Editor);
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var tokens = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tokens", TestContext.Current.CancellationToken);

        var revoke = await client.DeleteAsync($"/api/tokens/{(long)tokens![0]!["id"]!}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tokens", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/processes/incident\\..\\..\\evil")]
    public async Task Sign_in_never_sends_the_browser_off_the_site(string returnUrl)
    {
        await _factory.TokenAsync("eve", AccountRole.Editor);
        var browser = Browser();

        var signIn = await browser.SignInAsync("", "eve", Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_keeps_a_local_return_address()
    {
        await _factory.TokenAsync("eve", AccountRole.Editor);
        var signIn = await Browser().SignInAsync("", "eve", Password, "/processes/incident?tab=steps");
        Assert.Equal("/processes/incident?tab=steps", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/processes\r\nSet-Cookie: x=y")]
    [InlineData("/\u0000")]
    public async Task A_return_address_with_a_control_character_is_a_bad_request(string returnUrl)
    {
        await _factory.TokenAsync("eve", AccountRole.Editor);
        var browser = Browser();

        var form = await browser.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var signIn = await browser.SignInAsync("", "eve", Password, returnUrl);

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.True(signIn.StatusCode == HttpStatusCode.BadRequest, await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(browser.Cookies.Keys, k => k == "plumb.auth");
    }

    [Theory]
    [InlineData("/feedback/incident/handle-incident/log")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/processes/incident/procedures/handle-incident/steps/log")]
    [InlineData("/processes/incident/procedures/handle-incident/diagram.bpmn")]
    [InlineData("/api/processes")]
    [InlineData("/api/search?q=incident")]
    public async Task Behind_require_sign_in_anonymous_readers_get_no_handbook_content(string url)
    {
        await using var closed = new PlumbFactory();
        closed.Settings["Plumb:RequireSignIn"] = "true";
        await closed.SeedAsync();
        var anonymous = Browser(closed);

        var response = await anonymous.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
        Assert.DoesNotContain("Log the incident", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("incident", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_require_sign_in_a_signed_in_reader_gets_the_feedback_page_and_the_API_document()
    {
        await using var closed = new PlumbFactory();
        closed.Settings["Plumb:RequireSignIn"] = "true";
        await closed.SeedAsync();
        await closed.TokenAsync("rita", AccountRole.Reader);
        var reader = Browser(closed);
        await reader.SignInAsync("", "rita", Password);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/feedback/incident/handle-incident/log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Cookies_are_Secure_when_a_trusted_proxy_says_the_browser_spoke_HTTPS_and_not_when_an_untrusted_client_says_so()
    {
        // Given two real servers on loopback, one trusting 127.0.0.1 as its reverse proxy
        await using var proxied = await LiveServer.StartAsync(settings: new Dictionary<string, string?> { ["Plumb:TrustedProxies"] = "127.0.0.1" });
        await using var direct = await LiveServer.StartAsync();
        foreach (var server in new[] { proxied, direct })
        {
            await server.Services.GetRequiredService<AccountService>().CreateUserAsync("eve", Password, AccountRole.Editor, "test", CancellationToken.None);
        }

        // When each is asked for the sign-in form with X-Forwarded-Proto: https and signs in
        async Task<IReadOnlyList<string>> SignInCookies(LiveServer server)
        {
            using var http = new HttpClient(new ForwardedProto(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }));
            var form = await new CookieSession(http).SignInAsync(server.Url, "eve", Password);
            return [.. form.Headers.GetValues("Set-Cookie")];
        }

        var behindProxy = await SignInCookies(proxied);
        var spoofed = await SignInCookies(direct);

        // Then only the trusting server marks its cookies Secure
        Assert.Contains(behindProxy, c => c.StartsWith("plumb.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(spoofed, c => c.StartsWith("plumb.auth=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class ForwardedProto(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
