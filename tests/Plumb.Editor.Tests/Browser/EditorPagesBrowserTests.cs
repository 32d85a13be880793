namespace Plumb.Editor.Tests.Browser;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// The pages the journeys in EditorBrowserTests do not pass through, each checked with axe-core, and reader feedback end to end.
[Collection(BrowserCollection.Name)]
public sealed class EditorPagesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Reader_feedback_becomes_a_finding_and_every_other_editor_page_passes_the_accessibility_check()
    {
        await using var server = await ServerUnderTest.StartAsync();

        // A reader who is not signed in says a published step is not how they work
        var reader = await Pages.AnonymousAsync(fixture.Browser, server);
        await reader.GotoAsync("/feedback/incident/handle-incident/close");
        await Pages.AssertAccessibleAsync(reader);
        await reader.FillAsync("textarea[name=text]", "We never call the caller back.");
        await reader.ClickAsync("text=Send feedback");
        await reader.WaitForStatusAsync("Thank you");

        // The editor's home and the handbook's forms
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor");
        await Expect(editor.Locator("table")).ToContainTextAsync("Incident Management");
        await Pages.AssertAccessibleAsync(editor);
        await editor.GotoAsync("/editor/handbook");
        await editor.OpenAsync("roles[0]");
        await Expect(editor.Field("roles[0].name")).ToHaveValueAsync("Caller");
        await Pages.AssertAccessibleAsync(editor);

        // A KPI's measure is checked as it is typed
        await editor.GotoAsync("/editor/processes/incident");
        await editor.OpenAsync("kpis[0]");
        await editor.Field("kpis[0].measure").FillAsync("median duration from start to");
        await Expect(editor.Locator(".field[data-path=\"kpis[0].measure\"] .measure-check")).ToContainTextAsync("Column");
        await Pages.AssertAccessibleAsync(editor);
        await editor.Field("kpis[0].measure").FillAsync("median duration from start to step:close");
        await Expect(editor.Locator(".field[data-path=\"kpis[0].measure\"] .measure-check")).ToHaveTextAsync("The measure reads well.");

        // The modeler
        await editor.GotoAsync("/editor/processes/incident/procedures/handle-incident/diagram");
        await Expect(editor.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        await Pages.AssertAccessibleAsync(editor);

        // The editor answers the feedback and turns it into a finding on the step
        await editor.GotoAsync("/editor/processes/incident/feedback");
        await Expect(editor.Locator("main")).ToContainTextAsync("We never call the caller back.");
        await Pages.AssertAccessibleAsync(editor);
        await editor.FillAsync("textarea[name=answer]", "Agreed: we add a call-back.");
        await editor.CheckAsync("input[name=makeFinding]");
        await editor.SelectOptionAsync("select[name=severity]", "high");
        await editor.FillAsync("input[name=plannedUpdate]", "Call back within a day.");
        await editor.ClickAsync("text=Send answer");
        await Expect(editor.Locator("main")).ToContainTextAsync("(finding F-");
        await Pages.AssertAccessibleAsync(editor);

        // and the review workbook shows the finding with its planned update
        await editor.GotoAsync("/editor/processes/incident/workbook");
        var row = editor.Locator("tr", new PageLocatorOptions { HasText = "Confirm and close" });
        await Expect(row).ToContainTextAsync("We never call the caller back.");
        await Expect(row).ToContainTextAsync("planned: Call back within a day.");
    }
}
