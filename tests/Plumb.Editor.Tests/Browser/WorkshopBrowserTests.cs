namespace Plumb.Editor.Tests.Browser;

using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: the workshop said nothing of saving, kept a hint after its field was filled, showed raw Markdown and
// role ids, and counted twice.
[Collection(BrowserCollection.Name)]
public sealed partial class WorkshopBrowserTests(BrowserFixture fixture)
{
    private const string Resolve = "procedures[0].steps[1]";

    [Fact]
    public async Task The_workshop_had_no_save_status_a_stale_hint_raw_Markdown_role_ids_and_two_counters()
    {
        await using var server = await ServerUnderTest.StartAsync(handbook => handbook.Processes[0].Procedures[0].Steps[1].Instruction =
            "Apply **the fix** or a workaround:\n\n- record what was done\n- set the incident to *Resolved*");
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident/workshop");
        await Expect(editor.Locator("#stop-title")).ToContainTextAsync("Process review");
        await Expect(editor.Locator("#status")).ToHaveAttributeAsync("aria-live", "polite");
        await editor.ClickAsync("text=Next");
        await Expect(editor.Locator("#stop-title")).ToHaveTextAsync("Handle an incident: Log the incident");
        await editor.ClickAsync("text=Next");

        // One counter
        await Expect(editor.Locator("#workshop .counter")).ToHaveTextAsync("Stop 3 of 4");
        Assert.Single(Counter().Matches(await editor.Locator("#workshop").InnerTextAsync()));

        // The instruction as readers see it, Markdown rendered
        await Expect(editor.Locator("#stop-instruction strong")).ToHaveTextAsync("the fix");
        await Expect(editor.Locator("#stop-instruction li")).ToHaveCountAsync(2);
        await Expect(editor.Locator("#stop-instruction")).Not.ToContainTextAsync("**");

        // Roles by name, not id
        var responsible = editor.Locator($".field[data-path=\"{Resolve}.raci.responsible\"]");
        await Expect(responsible).ToContainTextAsync("Service Desk Agent");
        await Expect(responsible).Not.ToContainTextAsync("service-desk-agent");
        await Expect(responsible.GetByLabel("Service Desk Agent")).ToBeCheckedAsync();
        await Expect(editor.Locator("#stop-responsible")).ToHaveTextAsync("Service Desk Agent");
        await Pages.AssertAccessibleAsync(editor);

        // Unticking the role saves the draft and says when; the check flags the step at its field
        await responsible.GetByLabel("Service Desk Agent").UncheckAsync();
        await Expect(editor.Locator("#status")).ToHaveTextAsync(SavedAt());
        await Expect(responsible.Locator(".diag.error")).ToContainTextAsync("has no responsible role");
        await Expect(editor.Locator("#stop-responsible")).ToHaveTextAsync("nobody yet");
        await Pages.AssertAccessibleAsync(editor);

        // and once the field is filled again, the hint and the "nobody yet" go
        await responsible.GetByLabel("Service Desk Agent").CheckAsync();
        await Expect(responsible.Locator(".diag")).ToHaveCountAsync(0);
        await Expect(editor.Locator("#stop-responsible")).ToHaveTextAsync("Service Desk Agent");
        await Expect(editor.Locator("#status")).ToHaveTextAsync(SavedAt());
        await editor.Field($"{Resolve}.review.notes").FillAsync("Workarounds are not recorded.");
        await Expect(editor.Locator("#status")).ToHaveTextAsync(new Regex("^(Editing…|Saving…)$"));
        await Expect(editor.Locator("#status")).ToHaveTextAsync(SavedAt());

        // The draft holds the role id the name stands for
        await editor.GotoAsync("/editor/processes/incident/workbook");
        var row = editor.Locator("tr", new() { HasText = "Resolve the incident" });
        await Expect(row).ToContainTextAsync("Service Desk Agent");
        await Expect(row).ToContainTextAsync("Workarounds are not recorded.");

        // A save that fails says so
        await editor.GotoAsync("/editor/processes/incident/workshop");
        await editor.ClickAsync("text=Next");
        await Expect(editor.Locator("#stop-title")).ToHaveTextAsync("Handle an incident: Log the incident");
        await editor.Context.RouteAsync("**/draft", route => route.FulfillAsync(new()
        {
            Status = 503, ContentType = "application/problem+json", Body = "{\"detail\":\"the store is not answering\"}",
        }));
        await editor.Field("procedures[0].steps[0].review.notes").FillAsync("Logged twice.");
        await Expect(editor.Locator("#status")).ToHaveTextAsync("Not saved: the store is not answering");
    }

    [GeneratedRegex(@"\b\d+ of \d+\b")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^Draft saved at \d\d:\d\d$")]
    private static partial Regex SavedAt();
}
