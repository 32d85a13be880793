namespace Plumb.Server.Tests.Browser;

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Folder;
using Plumb.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

/// <summary>https://plumb.dev/issues/20: procedure diagrams people can read, measured in the page as Chromium lays it out.</summary>
public sealed class ProcedureDiagramBrowserTests
{
    [Fact]
    public async Task A_wide_procedure_diagram_keeps_its_text_legible_marks_its_scroll_zooms_and_opens_full_screen()
    {
        // Given the baseline's incident procedure (wider than a 1024 px window) on a portal page
        using var folder = new TempDirectory();
        HandbookFolder.Save(BaselineLibrary.Load(), folder.Path);
        await using var server = await LiveServer.StartAsync(folder.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PortalBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.Url, ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/processes/incident/procedures/handle-incident");
        var figure = page.Locator("figure.bpmn").First;
        await Expect(figure.Locator(".zoom-level")).ToHaveTextAsync("100 %");

        // Then the smallest text is at least 11 px on screen, and no label lies over a task icon or outside the drawing
        Assert.True(await SmallestTextAsync(page) >= 11, $"smallest diagram text is {await SmallestTextAsync(page):0.0} px");
        var overlaps = await page.EvaluateAsync<JsonElement>("""
            () => {
              const svg = document.querySelector('figure.bpmn svg');
              const box = svg.getBoundingClientRect();
              const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
              const found = [];
              for (const task of svg.querySelectorAll('g[data-element-id^="Step_"]')) {
                const icons = [...task.querySelectorAll('circle, path')].map(i => i.getBoundingClientRect());
                for (const text of task.querySelectorAll('text'))
                  if (icons.some(i => meets(i, text.getBoundingClientRect()))) found.push(`icon under '${text.textContent}'`);
              }
              for (const text of svg.querySelectorAll('text')) {
                const r = text.getBoundingClientRect();
                if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) found.push(`'${text.textContent}' cut`);
              }
              return found;
            }
            """);
        Assert.Equal("[]", overlaps.GetRawText());

        // and the box says it scrolls, and scrolls to the diagram's right end
        await Expect(figure).ToHaveClassAsync(new Regex(@"\bscrolls\b"));
        await Expect(figure.Locator(".scroll-hint")).ToBeVisibleAsync();
        await Expect(figure.Locator(".canvas")).ToHaveAttributeAsync("tabindex", "0");
        await figure.Locator(".canvas").EvaluateAsync("c => { c.scrollLeft = c.scrollWidth; }");
        await Expect(figure).ToHaveClassAsync(new Regex(@"\bat-end\b"));

        // When the reader zooms out and back, the drawing follows, and full screen holds the figure
        var natural = await figure.Locator("svg").EvaluateAsync<double>("s => s.getBoundingClientRect().width");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
        await Expect(figure.Locator(".zoom-level")).ToHaveTextAsync("75 %");
        Assert.Equal(natural * 0.75, await figure.Locator("svg").EvaluateAsync<double>("s => s.getBoundingClientRect().width"), 1.0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Actual size" }).ClickAsync();
        Assert.True(await SmallestTextAsync(page) >= 11);
        await page.GetByRole(AriaRole.Button, new() { Name = "Full screen" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.fullscreenElement?.matches('figure.bpmn') === true");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_focus_ring_stands_out_three_to_one_from_the_page_and_the_banner()
    {
        using var folder = new TempDirectory();
        HandbookFolder.Save(TestHandbooks.Create(), folder.Path);
        await using var server = await LiveServer.StartAsync(folder.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PortalBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.Url });
        await page.GotoAsync("/processes/problem");

        foreach (var selector in new[] { "main a", ".banner a.brand", ".search button" })
        {
            await page.Locator(selector).First.FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Tab"); // keyboard focus, so :focus-visible applies
            var ratio = await page.EvaluateAsync<double>(FocusContrast.Script);
            Assert.True(ratio >= 3, $"{selector}: focus ring contrast {ratio:0.00}:1");
        }
    }

    // On-screen size of the smallest diagram text: its font size times the scale the SVG is drawn at.
    private static Task<double> SmallestTextAsync(IPage page) => page.EvaluateAsync<double>("""
        () => {
          const svg = document.querySelector('figure.bpmn svg');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
        }
        """);
}
