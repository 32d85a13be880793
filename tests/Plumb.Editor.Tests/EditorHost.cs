namespace Plumb.Editor.Tests;

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

// The real server in memory (accounts, history, editor), seeded with the example handbook, and clients that sign in with the portal's form.
internal sealed partial class EditorHost : IAsyncDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly string _folder;

    private EditorHost(WebApplication app, string folder)
    {
        App = app;
        _folder = folder;
    }

    public WebApplication App { get; }

    public HandbookService Handbooks => App.Services.GetRequiredService<HandbookService>();

    public static async Task<EditorHost> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"plumb-editor-{Guid.NewGuid():N}");
        var handbook = Path.Combine(folder, "handbook");
        HandbookFolder.Save(ExampleHandbook.Create("Acme IT"), handbook);
        var app = PlumbApp.Build(
        [
            $"--Plumb:Database={Path.Combine(folder, "plumb.db")}", $"--Plumb:SeedHandbook={handbook}", "--Plumb:SignInAttemptsPerMinute=1000",
            "--Plumb:WritesPerMinute=10000",
        ], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseTestServer();
        });
        await app.StartAsync();
        var accounts = app.Services.GetRequiredService<AccountService>();
        foreach (var (name, role) in new[] { ("editor", AccountRole.Editor), ("bob", AccountRole.Editor), ("owner", AccountRole.Owner), ("reader", AccountRole.Reader) })
            await accounts.CreateUserAsync(name, Password, role, "test", CancellationToken.None);
        return new EditorHost(app, folder);
    }

    public HttpClient Client(string? user)
    {
        var handler = App.GetTestServer().CreateHandler();
        var client = new HttpClient(new CookieHandler(handler)) { BaseAddress = new Uri("http://localhost") };
        if (user is not null)
        {
            var form = client.GetStringAsync("/signin").Result;
            var csrf = WebUtility.HtmlDecode(SignInToken().Match(form).Groups["value"].Value);
            var response = client.PostAsync("/signin", new FormUrlEncodedContent(
                [new("username", user), new("password", Password), new("__csrf", csrf), new("returnUrl", "/editor")])).Result;
            if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"cannot sign in as {user}: {(int)response.StatusCode}");
        }

        // Like the editor's scripts: take the anti-forgery token from a page and send it on every request.
        var page = client.GetStringAsync("/feedback/incident/handle-incident/log").Result;
        var token = Token().Match(page);
        client.DefaultRequestHeaders.Add(token.Groups["header"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value));
        return client;
    }

    [GeneratedRegex("id=\"plumb-csrf\" name=\"[^\"]*\" value=\"(?<value>[^\"]+)\" data-header=\"(?<header>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"__csrf\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex SignInToken();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Keeps the sign-in and anti-forgery cookies between requests of a test client.
    private sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) _cookies.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}
