namespace Plumb.Editor.Tests;

using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plumb.Editor.Services;
using Plumb.Editor.Web;
using Plumb.Handbook.Samples;

// A host for the editor with cookie sign-in for a few fixed accounts, standing in for the server's accounts.
internal sealed partial class EditorHost : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Accounts = new(StringComparer.Ordinal)
    {
        ["editor"] = "editor", ["bob"] = "editor", ["owner"] = "owner", ["reader"] = "reader",
    };

    private readonly string _database;

    private EditorHost(WebApplication app, string database, MemoryPublishedHandbook published)
    {
        App = app;
        _database = database;
        Published = published;
    }

    public WebApplication App { get; }

    public MemoryPublishedHandbook Published { get; }

    public string Url => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<EditorHost> StartAsync(bool kestrel, string? database = null)
    {
        database ??= Path.Combine(Path.GetTempPath(), $"plumb-editor-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (kestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
        else builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/signin";
            options.Events.OnRedirectToLogin = c => Deny(c, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = c => Deny(c, StatusCodes.Status403Forbidden);
        });
        var published = new MemoryPublishedHandbook(ExampleHandbook.Create("Acme IT"));
        builder.Services.AddSingleton<IPublishedHandbook>(published);
        builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN"); // as the server configures it
        builder.Services.AddPlumbEditor($"Data Source={database};Pooling=False");
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/signin", () => Results.Content("""
            <!DOCTYPE html><html lang="en"><head><title>Sign in</title></head><body><main><h1>Sign in</h1>
            <form method="post" action="/signin"><label>Name <input name="name"></label><label>Password <input name="password" type="password"></label>
            <button type="submit">Sign in</button></form></main></body></html>
            """, "text/html"));
        app.MapPost("/signin", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var name = form["name"].ToString();
            if (!Accounts.TryGetValue(name, out var role) || form["password"] != name) return Results.Unauthorized();
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "cookie");
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Redirect("/editor");
        }).DisableAntiforgery();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.Redirect("/signin");
        });
        app.MapPlumbEditor();
        await app.Services.MigratePlumbEditorAsync(CancellationToken.None);
        await app.StartAsync();
        return new EditorHost(app, database, published);
    }

    public HttpClient Client(string? user)
    {
        var handler = App.GetTestServer().CreateHandler();
        var client = new HttpClient(new CookieHandler(handler)) { BaseAddress = new Uri("http://localhost") };
        if (user is not null)
        {
            var response = client.PostAsync("/signin", new FormUrlEncodedContent([new("name", user), new("password", user)])).Result;
            if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"cannot sign in as {user}");
        }

        // Like the editor's scripts: take the anti-forgery token from a page and send it on every request.
        var page = client.GetStringAsync("/feedback/incident/handle-incident/log").Result;
        var token = Token().Match(page);
        client.DefaultRequestHeaders.Add(token.Groups["header"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value));
        return client;
    }

    [GeneratedRegex("id=\"plumb-csrf\" name=\"[^\"]*\" value=\"(?<value>[^\"]+)\" data-header=\"(?<header>[^\"]+)\"")]
    private static partial Regex Token();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }) File.Delete(file);
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><title>Not allowed</title><main><h1>Not allowed</h1></main></html>");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    // Keeps the sign-in cookie between requests of a test client.
    private sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Net.CookieContainer _cookies = new();

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
