namespace Plumb.Server.Tests.Browser;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plumb.Handbook.Folder;
using Plumb.Server.Accounts;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>The portal in Debian's Chromium, driven by Playwright against a real server on loopback.</summary>
public sealed class PortalBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run ./test.sh (it installs Debian's chromium)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task A_reader_browses_landscape_process_diagram_step_and_role_searches_and_signs_in_and_out()
    {
        // Given a server seeded from a handbook folder, with a reader account
        using var folder = new TempDirectory();
        HandbookFolder.Save(TestHandbooks.Create(), folder.Path);
        await using var server = await LiveServer.StartAsync(folder.Path);
        await server.Services.GetRequiredService<AccountService>().CreateUserAsync("rita", "reader password 1", AccountRole.Reader, "test", CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.Url });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        // When the reader goes from the landscape to a process, a procedure's diagram, a step and its role
        await page.GotoAsync("/");
        await page.Locator("svg.landscape a[href='/processes/problem']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Problem Management");
        await page.GetByRole(AriaRole.Link, new() { Name = "Investigate a problem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Investigate a problem");
        await Assertions.Expect(page.Locator("figure.bpmn svg")).ToBeVisibleAsync();
        var analyse = page.Locator("figure.bpmn svg a[href$='/steps/analyse']");
        await analyse.FocusAsync(); // a diagram link takes keyboard focus and names its step
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Step 2: Analyse the root cause" })).ToBeFocusedAsync();
        await analyse.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Analyse the root cause");
        await page.Locator("dl.raci").GetByRole(AriaRole.Link, new() { Name = "Problem Manager" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Problem Manager");
        await Assertions.Expect(page.GetByText("Use the five whys with the resolvers.")).ToBeVisibleAsync();

        // And finds a step with search
        await page.GetByLabel("Search the handbook").FillAsync("workaround agents");
        await page.GetByLabel("Search the handbook").PressAsync("Enter");
        await page.Locator("ol.results a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Publish the known error");

        // And signs in: a reader sees no way to write, and the API refuses a write from the browser
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("rita");
        await page.GetByLabel("Password").FillAsync("reader password 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".account")).ToContainTextAsync("Signed in as rita");
        Assert.Equal(1, await page.Locator("form[method='post']").CountAsync()); // only the sign-out form
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/processes/problem', { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status
            """);
        Assert.Equal(403, status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Then nothing was lost and the browser saw no errors
        Assert.Equal(1, (await server.Services.GetRequiredService<IPlumbStore>().GetHeadAsync(CancellationToken.None))!.Number);
        Assert.DoesNotContain(errors, e => !e.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_published_site_searches_offline_from_a_file()
    {
        using var site = new TempDirectory();
        Plumb.Server.Portal.StaticPublisher.Publish(TestHandbooks.Create(), site.Path, DateTimeOffset.UnixEpoch);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(Path.Combine(site.Path, "index.html")).AbsoluteUri);
        await page.GetByLabel("Search the handbook").FillAsync("five whys");
        await page.GetByLabel("Search the handbook").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("1 result(s)");
        await page.Locator("#search-results a").First.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Analyse the root cause");
        Assert.Empty(errors);
    }
}
