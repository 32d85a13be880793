namespace Plumb.Editor.Tests.Browser;

using Microsoft.Playwright;
using Plumb.Handbook.Samples;
using Plumb.Mining.Generation;
using Plumb.Mining.Reporting;
using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: axe-core finds nothing on any kind of page, portal or editor, and every focus ring stands out (3:1).
[Collection(BrowserCollection.Name)]
public sealed class EveryPageKindBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_page_kind_passes_axe_core_and_every_focus_ring_reaches_3_to_1()
    {
        await using var server = await ServerUnderTest.StartAsync(reports: WriteReports);
        var problems = new List<string>();
        async Task Check(IPage page, string path, string? ready = null)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status is 200 or 404, $"{path}: HTTP {response.Status}");
            if (ready is not null) await Expect(page.Locator(ready).First).ToBeAttachedAsync();
            problems.AddRange((await Pages.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
            problems.AddRange((await WeakFocusRingsAsync(page)).Select(v => $"{path}: {v}"));
        }

        // What a reader sees, signed out
        var reader = await Pages.AnonymousAsync(fixture.Browser, server);
        foreach (var path in new[]
        {
            "/", "/processes/incident", "/processes/incident/procedures/handle-incident", "/processes/incident/procedures/handle-incident/steps/close",
            "/roles", "/roles/service-desk-agent", "/raci", "/findings", "/search?q=incident", "/feedback/incident/handle-incident/close", "/signin",
            "/reports", "/reports/summary.md", "/reports/analysis.html", "/no-such-page",
        })
        {
            await Check(reader, path);
        }

        // and what an owner sees in the editor (with a proposal in review, so the review and "published vs in review" are on the pages)
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident");
        await editor.OpenAsync("procedures[0]");
        await editor.OpenAsync("procedures[0].steps[1]");
        await editor.Field("procedures[0].steps[1].instruction").FillAsync("Apply the known workaround first.");
        await editor.WaitForStatusAsync("Draft saved");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await Expect(editor.Locator("#state")).ToHaveTextAsync("in review");
        var owner = await Pages.SignInAsync(fixture.Browser, server, "owner", "/editor");
        await Check(owner, "/editor", "#in-review a.compare");
        var compare = await owner.Locator("#in-review a.compare").First.GetAttributeAsync("href");
        await Check(owner, "/editor/handbook", ".field");
        await Check(owner, "/editor/processes/incident", ".field");
        await Check(owner, "/editor/processes/incident/procedures/handle-incident/diagram", "body[data-loaded=true]");
        await Check(owner, "/editor/processes/incident/workshop", "#stop-title");
        await Check(owner, "/editor/processes/incident/workbook");
        await Check(owner, "/editor/processes/incident/history", "#approve");
        await Check(owner, "/editor/processes/incident/feedback");
        await Check(owner, compare!, "body[data-loaded=true]");
        await Check(owner, "/editor/processes/incident/procedures/handle-incident/diff?from=1&to=1", "body[data-loaded=true]");
        await Check(owner, "/processes/incident");
        await Check(owner, "/editor/processes/no-such-process");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // A real analysis report (the one `plumb analyze` writes) and a Markdown one, as a published reports folder holds them.
    private static void WriteReports(string folder)
    {
        var handbook = ExampleHandbook.Create("Acme IT");
        var process = handbook.Processes[0];
        var log = LogGenerator.Generate(handbook, process.Procedures[0], new GeneratorOptions { Cases = 200, Seed = 3 }).Log;
        using (var writer = new StreamWriter(Path.Combine(folder, "analysis.html")))
            HtmlReport.Write(AnalysisReport.Build(log, process, process.Procedures[0]), writer);
        File.WriteAllText(Path.Combine(folder, "summary.md"), "# Summary\n\nThe incident process **mostly** follows the handbook.\n\n| KPI | Value |\n| --- | --- |\n| MTTR | 6 h |\n");
    }

    // Tabs through the first focusable elements of the page and measures each focus ring against what is behind it.
    private static async Task<List<string>> WeakFocusRingsAsync(IPage page)
    {
        var weak = new List<string>();
        await page.Locator("body").FocusAsync();
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var what = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e && e !== document.body ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} \"${(e.textContent || e.value || '').trim().slice(0, 30)}\"` : ''; }");
            if (what.Length == 0) break;
            var ratio = await page.EvaluateAsync<double>(FocusContrast.Script);
            if (ratio < 3) weak.Add($"focus ring of {what} is {ratio:0.00}:1");
        }

        return weak;
    }
}
