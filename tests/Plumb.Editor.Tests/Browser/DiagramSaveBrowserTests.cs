namespace Plumb.Editor.Tests.Browser;

using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/20: saving a diagram must change exactly what the user drew.
[Collection(BrowserCollection.Name)]
public sealed class DiagramSaveBrowserTests(BrowserFixture fixture)
{
    private const string Diagram = "/editor/processes/incident/procedures/handle-incident/diagram";

    [Fact]
    public async Task A_flow_beside_a_decision_is_refused_on_the_canvas_and_the_procedure_keeps_every_branch()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", Diagram);
        var errors = new List<string>();
        editor.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await Expect(editor.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);

        // Given the editor draws a decision after "log": the desk resolves it, or a change is raised first
        await editor.EvaluateAsync("""
            () => {
              const registry = window.plumbModeler.get('elementRegistry');
              const modeling = window.plumbModeler.get('modeling');
              const log = registry.get('Step_handle-incident_log');
              const resolve = registry.get('Step_handle-incident_resolve');
              const close = registry.get('Step_handle-incident_close');
              modeling.removeElements([log.outgoing.find(f => f.target === resolve)]);
              const gateway = modeling.appendShape(log, { type: 'bpmn:ExclusiveGateway' }, { x: log.x + 160, y: log.y + 40 });
              modeling.updateLabel(gateway, 'Can the desk fix it?');
              modeling.updateLabel(modeling.connect(gateway, resolve), 'yes');
              const change = modeling.appendShape(gateway, { type: 'bpmn:UserTask' }, { x: gateway.x + 100, y: gateway.y + 220 });
              modeling.updateLabel(change, 'Raise a change for the fix');
              modeling.updateLabel(change.incoming[0], 'no');
              modeling.connect(change, close);
            }
            """);

        // When they save, the changes are listed before anything is applied
        await editor.ClickAsync("#save-diagram");
        await Expect(editor.Locator("#preview")).ToBeVisibleAsync();
        await Expect(editor.Locator("#preview-changes")).ToContainTextAsync("step 'Raise a change for the fix' added");
        await Pages.AssertAccessibleAsync(editor);
        await editor.ClickAsync("#apply-diagram");
        await editor.WaitForStatusAsync("Diagram saved into your draft");
        await Expect(editor.Locator("#preview")).ToBeHiddenAsync();

        // Then connecting "log" straight to a new task, beside its decision, is refused on the canvas with the reason
        await editor.EvaluateAsync("""
            () => {
              const registry = window.plumbModeler.get('elementRegistry');
              const modeling = window.plumbModeler.get('modeling');
              const log = registry.get('Step_handle-incident_log');
              const added = modeling.createShape({ type: 'bpmn:UserTask' }, { x: log.x + 60, y: log.y + 320 }, log.parent);
              modeling.updateLabel(added, 'Tell the caller');
              modeling.connect(log, added);
            }
            """);
        await editor.ClickAsync("#save-diagram");
        await editor.WaitForStatusAsync("Not saved");
        await Expect(editor.Locator(".refusal-note")).ToContainTextAsync("'Log the incident' goes into the decision 'Can the desk fix it?' and also straight to 'Tell the caller'");
        await Expect(editor.Locator("#refusals li")).ToHaveCountAsync(1);
        await Expect(editor.Locator(".djs-connection.refused")).ToHaveCountAsync(1);
        await Expect(editor.Locator("#preview")).ToBeHiddenAsync();
        await Pages.AssertAccessibleAsync(editor);

        // and the procedure still holds the decision, both branches and no new step
        await editor.GotoAsync("/editor/processes/incident");
        await editor.OpenAsync("procedures[0]");
        await Expect(editor.Locator("details[data-path=\"procedures[0].steps[1]\"] > summary")).ToContainTextAsync("Raise a change for the fix");
        await Expect(editor.Locator("details[data-path=\"procedures[0].steps[4]\"]")).ToHaveCountAsync(0);
        await Expect(editor.Locator("#forms")).Not.ToContainTextAsync("Tell the caller");
        await editor.GotoAsync(Diagram);
        await Expect(editor.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        var branches = await editor.EvaluateAsync<string[]>("""
            () => window.plumbModeler.get('elementRegistry').get('Gateway_handle-incident_log').outgoing.map(f => f.target.businessObject.name)
            """);
        Assert.Equal(["Raise a change for the fix", "Resolve the incident"], branches.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("unsupported configuration", StringComparison.Ordinal));
    }
}
