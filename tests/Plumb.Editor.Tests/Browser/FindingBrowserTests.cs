namespace Plumb.Editor.Tests.Browser;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: a finding made from reader feedback was lost with a discarded draft, and its id given again.
[Collection(BrowserCollection.Name)]
public sealed class FindingBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_finding_from_feedback_survives_a_discarded_draft_and_its_id_is_never_given_again()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var reader = await Pages.AnonymousAsync(fixture.Browser, server);
        foreach (var text in new[] { "We never call the caller back.", "Closing needs the caller's yes." })
        {
            await reader.GotoAsync("/feedback/incident/handle-incident/close");
            await reader.FillAsync("textarea[name=text]", text);
            await reader.ClickAsync("text=Send feedback");
            await reader.WaitForStatusAsync("Thank you");
        }

        // Given the editor turns the first feedback into a finding
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident/feedback");
        await Answer(editor, "We never call the caller back.");
        await Expect(editor.Locator("main")).ToContainTextAsync("(finding F-001)");

        // When they edit the forms and discard the draft (asked first: once kept, then discarded)
        await editor.GotoAsync("/editor/processes/incident");
        await editor.OpenAsync("procedures[0]");
        await editor.OpenAsync("procedures[0].steps[0]");
        await editor.Field("procedures[0].steps[0].instruction").FillAsync("Something to throw away.");
        await editor.WaitForStatusAsync("Draft saved");
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        editor.Dialog += Dismiss;
        await editor.ClickAsync("#discard");
        await editor.WaitForStatusAsync("Draft kept");
        Assert.StartsWith("Discard your draft?", asked, StringComparison.Ordinal);
        editor.Dialog -= Dismiss;
        editor.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await editor.ClickAsync("#discard");
        await editor.WaitForStatusAsync("Draft discarded");

        // Then the finding is still on the step, and the next finding gets the next id
        await editor.GotoAsync("/editor/processes/incident/workbook");
        await Expect(editor.Locator("tr", new PageLocatorOptions { HasText = "Confirm and close" })).ToContainTextAsync("We never call the caller back.");
        await editor.GotoAsync("/editor/processes/incident/feedback");
        await Answer(editor, "Closing needs the caller's yes.");
        await Expect(editor.Locator("main")).ToContainTextAsync("(finding F-002)");
        await Expect(editor.Locator("main")).ToContainTextAsync("(finding F-001)");
    }

    private static async Task Answer(IPage editor, string feedback)
    {
        var answer = editor.Locator("article.feedback", new PageLocatorOptions { HasText = feedback }).Locator("form.answer");
        await answer.Locator("textarea[name=answer]").FillAsync("Agreed.");
        await answer.Locator("input[name=makeFinding]").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Expect(editor.Locator("article.feedback", new PageLocatorOptions { HasText = feedback })).ToContainTextAsync("(finding F-");
    }
}
