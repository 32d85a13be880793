namespace Plumb.Editor.Tests.Browser;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

[Collection(BrowserCollection.Name)]
public sealed class EditorBrowserTests(BrowserFixture fixture)
{
    private const string Procedure = "procedures[0]";
    private const string Resolve = "procedures[0].steps[1]";

    [Fact]
    public async Task An_editor_change_goes_through_review_into_the_history_the_portal_and_the_visual_diff()
    {
        await using var server = await ServerUnderTest.StartAsync();

        // An editor changes a step's instruction and RACI in the forms and saves them into a proposal
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident");
        await editor.OpenAsync(Procedure);
        await editor.OpenAsync(Resolve);
        await editor.Field($"{Resolve}.instruction").FillAsync("Apply the known workaround, then confirm with the caller.");
        await editor.Field($"{Resolve}.raci.consulted").FillAsync("caller");
        await editor.WaitForStatusAsync("Draft saved");
        await Pages.AssertAccessibleAsync(editor);
        await editor.FillAsync("#save-message", "Workaround first");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");

        // adds a step in the modeler, between resolve and close, and sees it in the step list
        await editor.GotoAsync("/editor/processes/incident/procedures/handle-incident/diagram");
        await Expect(editor.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(editor.Locator(".bjs-powered-by")).ToBeVisibleAsync();
        await editor.EvaluateAsync("""
            () => {
              const registry = window.plumbModeler.get('elementRegistry');
              const modeling = window.plumbModeler.get('modeling');
              const resolve = registry.get('Step_handle-incident_resolve');
              const close = registry.get('Step_handle-incident_close');
              const flow = resolve.outgoing.find(f => f.target === close);
              modeling.removeElements([flow]);
              const added = modeling.appendShape(resolve, { type: 'bpmn:UserTask' }, { x: resolve.x + 50, y: resolve.y + 200 });
              modeling.updateLabel(added, 'Check the fix with the caller');
              modeling.connect(added, close);
            }
            """);
        await editor.ClickAsync("#save-diagram");
        await Expect(editor.Locator("#preview-changes")).ToContainTextAsync("step 'Check the fix with the caller' added");
        await editor.ClickAsync("#apply-diagram");
        await editor.WaitForStatusAsync("Diagram saved into your draft");
        await editor.GotoAsync("/editor/processes/incident");
        await editor.OpenAsync(Procedure);
        await Expect(editor.Locator($"details[data-path=\"{Procedure}.steps[2]\"] > summary"))
            .ToContainTextAsync("check-the-fix-with-the-caller — Check the fix with the caller");
        await editor.FillAsync("#save-message", "Check the fix");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");

        // submits for review
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await Expect(editor.Locator("#state")).ToHaveTextAsync("in review");
        await Pages.AssertAccessibleAsync(editor);

        // the owner approves: the proposal becomes version 2 of the handbook
        var owner = await Pages.SignInAsync(fixture.Browser, server, "owner", "/editor/processes/incident/history");
        await owner.ClickAsync("#approve");
        await Expect(owner.Locator("#state")).ToHaveTextAsync("approved");
        await Expect(owner.Locator("main")).ToContainTextAsync("approved as version 2");

        // readers see the change in the portal
        var reader = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url })).NewPageAsync();
        await reader.GotoAsync("/processes/incident/procedures/handle-incident/steps/resolve");
        await Expect(reader.Locator("main")).ToContainTextAsync("Apply the known workaround, then confirm with the caller.");
        await reader.GotoAsync("/processes/incident/procedures/handle-incident");
        await Expect(reader.Locator("main")).ToContainTextAsync("Check the fix with the caller");

        // and the visual diff of versions 1 and 2 marks the new step and lists the changes
        await editor.GotoAsync("/editor/processes/incident/procedures/handle-incident/diff?from=1&to=2");
        await Expect(editor.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(editor.Locator("#changes")).ToContainTextAsync("step 'Check the fix with the caller' added");
        await Expect(editor.Locator("#changes")).ToContainTextAsync("step 'Resolve the incident': instruction changed");
        await Expect(editor.Locator("#changes")).ToContainTextAsync("step 'Resolve the incident': consulted changed from nobody to Caller");
        await Expect(editor.Locator("#changes")).ToContainTextAsync("flow added: 'Resolve the incident' → 'Check the fix with the caller'");
        await Expect(editor.Locator("#changes")).ToContainTextAsync("flow removed: 'Resolve the incident' → 'Confirm and close'");
        await Expect(editor.Locator("#newer .djs-element.diff-added[data-element-id=Step_handle-incident_check-the-fix-with-the-caller]")).ToHaveCountAsync(1);
        await Expect(editor.Locator("#newer .djs-element.diff-changed[data-element-id=Step_handle-incident_resolve]")).ToHaveCountAsync(1);
        await Expect(editor.Locator("#newer .djs-element.diff-added[data-element-id=Flow_handle-incident_resolve_to_check-the-fix-with-the-caller]"))
            .ToHaveCountAsync(1);
        await Expect(editor.Locator("#older .djs-element.diff-removed[data-element-id=Flow_handle-incident_resolve_to_close]")).ToHaveCountAsync(1);
        await Pages.AssertAccessibleAsync(editor);
    }

    [Fact]
    public async Task The_workshop_records_the_answers_that_the_workbook_shows()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident/workshop");

        await Expect(editor.Locator("#stop-title")).ToContainTextAsync("Process review");
        await Pages.AssertAccessibleAsync(editor);
        await editor.ClickAsync("text=Next");
        await Expect(editor.Locator("#stop-title")).ToHaveTextAsync("Handle an incident: Log the incident");
        await Expect(editor.Locator("#workshop .counter")).ToHaveTextAsync("Stop 2 of 4");
        await editor.Field($"{Procedure}.steps[0].review.necessary").SelectOptionAsync("yes");
        await editor.Field($"{Procedure}.steps[0].review.efficient").SelectOptionAsync("no");
        await editor.Field($"{Procedure}.steps[0].review.notes").FillAsync("Agents log twice: phone notes, then the tool.");
        await Pages.AssertAccessibleAsync(editor);
        for (var i = 2; i <= 3; i++)
        {
            // Each click redraws the stop; waiting for the new title keeps a quick second click off the old button.
            await editor.ClickAsync(".toolbar button:last-child");
            await Expect(editor.Locator("#workshop .counter")).ToHaveTextAsync($"Stop {i + 1} of 4");
        }

        await editor.ClickAsync(".toolbar button:last-child");
        await editor.ClickAsync("#to-workbook");

        var row = editor.Locator("tr", new PageLocatorOptions { HasText = "Log the incident" });
        await Expect(row).ToContainTextAsync("Agents log twice: phone notes, then the tool.");
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("yes");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("no");
        await Pages.AssertAccessibleAsync(editor);
    }

    [Fact]
    public async Task A_reader_cannot_reach_the_editor()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var reader = await Pages.SignInAsync(fixture.Browser, server, "reader", "/");

        await reader.GotoAsync("/editor/processes/incident");

        Assert.Contains("/signin", reader.Url, StringComparison.Ordinal);
        await Expect(reader.Locator("#forms")).ToHaveCountAsync(0);
        var api = await reader.APIRequest.GetAsync("/api/editor/documents/processes%2Fincident.yaml/working");
        Assert.Equal(403, api.Status);
    }

    [Fact]
    public async Task An_editor_whose_step_was_changed_by_an_approval_meanwhile_sees_the_conflict_and_keeps_both_texts()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident");
        var bob = await Pages.SignInAsync(fixture.Browser, server, "bob", "/editor/processes/incident");
        await Expect(bob.Locator("#presence")).ToContainTextAsync("editor");

        foreach (var (page, text) in new[] { (editor, "Ask for the asset tag."), (bob, "Ask for the caller's location.") })
        {
            await page.OpenAsync(Procedure);
            await page.OpenAsync("procedures[0].steps[0]");
            await page.Field($"{Procedure}.steps[0].instruction").FillAsync(text);
            await page.WaitForStatusAsync("Draft saved");
        }

        // The editor's change is saved, submitted and approved while bob is still typing
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await Expect(editor.Locator("#state")).ToHaveTextAsync("in review");
        var owner = await Pages.SignInAsync(fixture.Browser, server, "owner", "/editor/processes/incident/history");
        await owner.ClickAsync("#approve");
        await Expect(owner.Locator("#state")).ToHaveTextAsync("approved");

        // Bob's save meets the approved text
        await bob.ClickAsync("#save");
        await bob.WaitForStatusAsync("settle the conflicts");
        var conflict = bob.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("step log › instruction");
        await Expect(conflict).ToContainTextAsync("Ask for the asset tag.");
        await Expect(conflict).ToContainTextAsync("Ask for the caller's location.");
        await Pages.AssertAccessibleAsync(bob);
        await bob.ClickAsync("text=Save with these choices");
        await bob.WaitForStatusAsync("Saved in your proposal");

        await Expect(bob.Field($"{Procedure}.steps[0].instruction")).ToHaveValueAsync("Ask for the caller's location.\n\nAsk for the asset tag.");
    }
}
