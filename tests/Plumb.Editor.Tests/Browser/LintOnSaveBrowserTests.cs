namespace Plumb.Editor.Tests.Browser;

using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: saving ignored lint errors; the summary said "1 problem(s)" without naming or linking it.
[Collection(BrowserCollection.Name)]
public sealed class LintOnSaveBrowserTests(BrowserFixture fixture)
{
    private const string Responsible = "procedures[0].steps[0].raci.responsible";

    [Fact]
    public async Task A_lint_error_is_listed_with_a_link_to_its_field_and_submitting_waits_until_it_is_fixed()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident");

        // Given a step left without anyone responsible, saved into the proposal
        await editor.OpenAsync("procedures[0]");
        await editor.OpenAsync("procedures[0].steps[0]");
        await editor.Field(Responsible).FillAsync("");
        await editor.WaitForStatusAsync("Draft saved");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");

        // Then the summary lists the error as a link, which opens the step and focuses the field
        var link = editor.Locator(".summary .diag-link.error a").First;
        await Expect(link).ToContainTextAsync($"error");
        await Expect(link).ToContainTextAsync("procedures[0].steps[0]");
        await Expect(editor.Locator(".summary")).ToContainTextAsync("submitting for review waits until they are fixed");
        await editor.Locator("details[data-path=\"procedures[0]\"] > summary").ClickAsync(); // closed again
        await link.ClickAsync();
        await Expect(editor.Field(Responsible)).ToBeFocusedAsync();
        await Pages.AssertAccessibleAsync(editor);

        // and submitting for review is refused with the reason
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await editor.WaitForStatusAsync("fix them before submitting");
        await Expect(editor.Locator("#state")).Not.ToHaveTextAsync("in review");

        // until the field is filled again
        await editor.GotoAsync("/editor/processes/incident");
        await editor.OpenAsync("procedures[0]");
        await editor.OpenAsync("procedures[0].steps[0]");
        await editor.Field(Responsible).FillAsync("service-desk-agent");
        await editor.WaitForStatusAsync("Draft saved");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await Expect(editor.Locator("#state")).ToHaveTextAsync("in review");
    }
}
