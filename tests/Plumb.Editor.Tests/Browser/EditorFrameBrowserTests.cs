namespace Plumb.Editor.Tests.Browser;

using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: editor pages say which process they are about, a missing page is a page, and focus is visible.
[Collection(BrowserCollection.Name)]
public sealed class EditorFrameBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Editor_titles_name_the_process_missing_pages_are_HTML_and_the_focus_ring_stands_out()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident/workshop");

        // Each page of a process names it in the browser's title
        await Expect(editor).ToHaveTitleAsync("Review workshop · Incident Management · Editor · Acme IT");
        await editor.GotoAsync("/editor/processes/incident/procedures/handle-incident/diagram");
        await Expect(editor).ToHaveTitleAsync("Diagram of handle-incident · Incident Management · Editor · Acme IT");

        // A process that is not there is a "not found" page in the editor's frame, not problem details
        var missing = await editor.GotoAsync("/editor/processes/no-such-process/workshop");
        Assert.Equal(404, missing!.Status);
        Assert.StartsWith("text/html", await missing.HeaderValueAsync("content-type"), StringComparison.Ordinal);
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Not found");
        await Expect(editor.Locator("main")).ToContainTextAsync("The handbook has no process 'no-such-process'.");
        await Pages.AssertAccessibleAsync(editor);
        Assert.Equal(404, (await editor.GotoAsync("/editor/processes/no-such-process"))!.Status);
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Not found");

        // The focus ring of the editor is above 3:1
        await editor.GotoAsync("/editor");
        await editor.Keyboard.PressAsync("Tab");
        await editor.Keyboard.PressAsync("Tab");
        var ratio = await editor.EvaluateAsync<double>(FocusContrast.Script);
        Assert.True(ratio >= 3, $"focus ring contrast {ratio:0.00}:1");

        // and a reader's feedback link to a step that is not there is the portal's "not found" page
        var reader = await Pages.AnonymousAsync(fixture.Browser, server);
        var gone = await reader.GotoAsync("/feedback/incident/handle-incident/no-such-step");
        Assert.Equal(404, gone!.Status);
        await Expect(reader.Locator("header.banner")).ToHaveCountAsync(1);
        await Expect(reader.Locator("h1")).ToHaveTextAsync("Not found");
        await Pages.AssertAccessibleAsync(reader);
    }
}
