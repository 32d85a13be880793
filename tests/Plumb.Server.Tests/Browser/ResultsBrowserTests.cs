namespace Plumb.Server.Tests.Browser;

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plumb.Handbook.Folder;
using Plumb.Mining.Readers;
using Plumb.Server.Alignment;
using Plumb.Server.Tests.Alignment;
using Plumb.Server.Tests.Support;
using Plumb.Server.Uploads;

/// <summary>The figures the server computed, as a reader sees them in Chromium: KPI tiles on the process page and the Alignment page.</summary>
public sealed class ResultsBrowserTests
{
    [Fact]
    public async Task The_process_page_shows_kpi_tiles_with_a_not_measurable_one_and_the_alignment_page_summarises_every_process()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        HandbookFolder.Save(TicketLogs.Handbook(), folder.Path);
        await using var server = await LiveServer.StartAsync(folder.Path);
        var uploads = server.Services.GetRequiredService<UploadService>();
        foreach (var (month, hours) in new[] { (new DateTime(2026, 1, 1), 2.0), (new DateTime(2026, 2, 1), 20.0) })
        {
            await uploads.AddAsync($"{month:MMMM}.csv".ToLowerInvariant(), "incidents", new UploadReading(null, "utf-8", new CsvLogOptions()),
                new MemoryStream(Encoding.UTF8.GetBytes(TicketLogs.Csv(month, hours))), "ann", ct);
            await server.Services.GetRequiredService<ResultsService>().ComputePendingAsync(ct);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PortalBrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.Url });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/processes/incident");
        var mttr = page.Locator(".kpi-tile[data-kpi=mttr]");
        await Assertions.Expect(mttr).ToBeVisibleAsync();
        await Assertions.Expect(mttr.Locator(".kpi-value")).ToHaveTextAsync("20 hours");
        await Assertions.Expect(mttr.Locator(".rag")).ToHaveTextAsync("red");
        await Assertions.Expect(mttr.Locator(".kpi-target")).ToHaveTextAsync("target ≤ 8 hours");
        // Two months of values: a sparkline whose label reads both, and an arrow that says it got worse.
        await Assertions.Expect(mttr.Locator("svg.sparkline")).ToHaveAttributeAsync("aria-label", "Trend by month: 2026-01 2 hours, 2026-02 20 hours");
        await Assertions.Expect(mttr.Locator(".arrow.worse")).ToHaveTextAsync("↑");
        var red = await mttr.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor");
        Assert.Equal("rgb(185, 28, 28)", red);

        var close = page.Locator(".kpi-tile[data-kpi=time-to-close]");
        await Assertions.Expect(close).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("not-measurable"));
        await Assertions.Expect(close.Locator(".kpi-value")).ToHaveTextAsync("not measurable");
        await Assertions.Expect(close.Locator(".kpi-reason")).ToContainTextAsync("close");
        Assert.Equal(0, await close.Locator(".rag").CountAsync()); // no status, never a green 0 % or 100 %
        var grey = await close.EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.Equal("rgb(89, 99, 110)", grey);
        await Assertions.Expect(page.Locator(".results .provenance").First).ToContainTextAsync("From february.csv (upload/incidents, upload 2)");
        await Assertions.Expect(page.Locator(".results .provenance").First).ToContainTextAsync("12 cases");
        await Assertions.Expect(page.Locator(".results .provenance").First).ToContainTextAsync("handbook version 1");
        await Assertions.Expect(page.Locator("table.conformance")).ToContainTextAsync("mapped 36 of 36 events");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alignment", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/alignment$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alignment", Level = 1 })).ToBeVisibleAsync();
        var incident = page.Locator("table.alignment tr[data-process=incident]");
        await Assertions.Expect(incident.Locator(".rag-count.rag-red")).ToHaveTextAsync("1 red");
        await Assertions.Expect(incident.Locator(".rag-count.rag-not-measurable")).ToHaveTextAsync("1 not measurable");
        await Assertions.Expect(incident).ToContainTextAsync("not checked"); // no configuration synced: drift unchecked, not zero
        await Assertions.Expect(incident).ToContainTextAsync("100.0 % of events");
        await Assertions.Expect(page.Locator("table.alignment tr[data-process=problem]")).ToContainTextAsync("no data");
        await Assertions.Expect(page.Locator("ul.news")).ToContainTextAsync("Median time to resolve turned red");
        Assert.Empty(errors);
    }
}
