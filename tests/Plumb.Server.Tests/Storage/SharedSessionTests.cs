namespace Plumb.Server.Tests.Storage;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>
/// Sessions live in the store, so two instances sharing it agree at once: a sign-out on one, or a password or role change,
/// ends the cookie on the other. Run on SQLite (one file, two servers) and on PostgreSQL.
/// </summary>
public abstract class SharedSessionTests
{
    private const string Password = "ann's long password";

    protected abstract Task<string> DatabaseAsync(TempDirectory directory);

    private async Task<(LiveServer First, LiveServer Second)> StartTwoAsync(TempDirectory directory)
    {
        var settings = new Dictionary<string, string?> { ["Plumb:Database"] = await DatabaseAsync(directory) };
        var first = await LiveServer.StartAsync(settings: settings);
        var second = await LiveServer.StartAsync(settings: settings);
        await first.Services.GetRequiredService<AccountService>().CreateUserAsync("ann", Password, AccountRole.Editor, "test", CancellationToken.None);
        await first.Services.GetRequiredService<HandbookService>().SaveAsync(0, TestHandbooks.Documents(), "ann", "seed", CancellationToken.None);
        return (first, second);
    }

    private static CookieSession Browser(HttpClient http) => new(http);

    [Fact]
    public async Task A_sign_out_on_one_instance_ends_the_cookie_on_the_other()
    {
        using var directory = new TempDirectory();
        var (first, second) = await StartTwoAsync(directory);
        await using var _1 = first;
        await using var _2 = second;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var browser = Browser(http);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(first.Url, "ann", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.WriteAsync(second.Url, "on the second")).StatusCode);
        var copy = browser.Copy();

        await browser.SignOutAsync(first.Url);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.WriteAsync(second.Url, "after sign-out")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync(second.Url + "/api/tokens")).StatusCode);
        var audit = await second.Services.GetRequiredService<IPlumbStore>().ListAuditAsync(5, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "sign-out" && e.Actor == "ann");
    }

    [Fact]
    public async Task A_demotion_through_one_instance_stops_writes_with_the_cookie_on_the_other()
    {
        using var directory = new TempDirectory();
        var (first, second) = await StartTwoAsync(directory);
        await using var _1 = first;
        await using var _2 = second;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var browser = Browser(http);
        await browser.SignInAsync(second.Url, "ann", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.WriteAsync(second.Url, "as editor")).StatusCode);

        await first.Services.GetRequiredService<AccountService>().SetRoleAsync("ann", AccountRole.Reader, "admin", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.WriteAsync(second.Url, "as reader")).StatusCode);
        var again = Browser(http);
        await again.SignInAsync(second.Url, "ann", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.WriteAsync(first.Url, "signed in again as reader")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_accounts_sessions_on_both_instances()
    {
        using var directory = new TempDirectory();
        var (first, second) = await StartTwoAsync(directory);
        await using var _1 = first;
        await using var _2 = second;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var onFirst = Browser(http);
        var onSecond = Browser(http);
        await onFirst.SignInAsync(first.Url, "ann", Password);
        await onSecond.SignInAsync(second.Url, "ann", Password);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.WriteAsync(second.Url, "a")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.WriteAsync(first.Url, "b")).StatusCode);

        await second.Services.GetRequiredService<AccountService>().SetPasswordAsync("ann", "a new long password", "admin", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.WriteAsync(first.Url, "c")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.WriteAsync(second.Url, "d")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onSecond.WriteAsync(first.Url, "e")).StatusCode);
        var fresh = Browser(http);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.SignInAsync(first.Url, "ann", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(second.Url, "ann", "a new long password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.WriteAsync(first.Url, "f")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_may_keep_the_session_that_asked_for_it()
    {
        using var directory = new TempDirectory();
        var (first, second) = await StartTwoAsync(directory);
        await using var _1 = first;
        await using var _2 = second;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var mine = Browser(http);
        var other = Browser(http);
        await mine.SignInAsync(first.Url, "ann", Password);
        await other.SignInAsync(second.Url, "ann", Password);

        // The session id is only in the protected cookie; the server reads it back from there.
        var me = await mine.GetAsync(first.Url + "/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var keep = await KeptSessionAsync(first, mine);
        await first.Services.GetRequiredService<AccountService>().SetPasswordAsync("ann", "a new long password", "ann", CancellationToken.None, keep);

        Assert.Equal(HttpStatusCode.OK, (await mine.WriteAsync(second.Url, "kept")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.WriteAsync(second.Url, "ended")).StatusCode);
    }

    // Reads the session id out of the browser's cookie the way the server does, with the shared data-protection keys.
    private static Task<string> KeptSessionAsync(LiveServer server, CookieSession browser)
    {
        var options = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(PlumbClaims.CookieScheme);
        var ticket = options.TicketDataFormat.Unprotect(browser.Cookies["plumb.auth"]);
        return Task.FromResult(PlumbClaims.Session(ticket!.Principal)!);
    }
}

public sealed class SqliteSharedSessionTests : SharedSessionTests
{
    protected override Task<string> DatabaseAsync(TempDirectory directory) => Task.FromResult(directory.File("shared.db"));
}

public sealed class PostgresSharedSessionTests : SharedSessionTests
{
    protected override Task<string> DatabaseAsync(TempDirectory directory) => PostgresStoreTests.CreateDatabaseAsync();
}
