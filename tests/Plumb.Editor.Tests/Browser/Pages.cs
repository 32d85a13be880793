namespace Plumb.Editor.Tests.Browser;

using System.Text.Json;
using Microsoft.Playwright;

internal static class Pages
{
    private static readonly Lazy<string> AxeScript = new(() => File.ReadAllText(RepoPaths.InRepo("web", "editor", "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IPage> SignInAsync(IBrowser browser, ServerUnderTest server, string user, string then)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(AxeScript.Value); // injected by the browser, so the server's strict CSP stays on
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString(then));
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", ServerUnderTest.Password);
        // Signing in hashes the password on purpose slowly (PBKDF2); two editors signing in on two busy cores can take longer than a click.
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.signin button[type=submit]"),
            r => r.Request.Method == "POST" && r.Url.Contains("/signin", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 45_000 });
        if (response.Status is >= 300 and < 400)
        {
            // Signed in: the cookie is set with the redirect. Open the page directly rather than wait on the browser following the
            // redirect, which on a starved machine has been seen to settle without a navigation event.
            var location = await response.HeaderValueAsync("location");
            Assert.Equal(then, location);
            await page.GotoAsync(then, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 45_000 });
            Assert.Equal(0, await page.Locator("form.signin").CountAsync());
            return page;
        }

        // Refused: say why, as the page tells the person signing in.
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var alert = await page.Locator("[role=alert]").AllInnerTextsAsync();
        Assert.Fail($"signing in as {user} was answered with HTTP {response.Status} at {page.Url}: {string.Join(" ", alert)}");
        return page;
    }

    /// <summary>A browser page of someone not signed in, as readers of the portal are.</summary>
    public static async Task<IPage> AnonymousAsync(IBrowser browser, ServerUnderTest server)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(AxeScript.Value);
        return await context.NewPageAsync();
    }

    // axe-core over the page as it stands: every violation, whatever its impact, fails the test (https://plumb.dev/issues/20).
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}: {string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>What axe-core finds on the page as it stands, one line per rule with the first elements it names.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => `${v.id} (${v.impact}): ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')})`)
            """);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    public static ILocator Field(this IPage page, string path) => page.Locator($".field[data-path=\"{path}\"]").Locator("input, textarea, select");

    public static Task OpenAsync(this IPage page, string path) =>
        page.Locator($"details[data-path=\"{path}\"] > summary").First.ClickAsync();

    public static async Task WaitForStatusAsync(this IPage page, string text) =>
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(text);
}
