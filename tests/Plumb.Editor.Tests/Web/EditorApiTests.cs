namespace Plumb.Editor.Tests.Web;

using System.Net;
using Microsoft.AspNetCore.TestHost;
using Plumb.Modelling.Bpmn;

public sealed class EditorApiTests : IAsyncLifetime
{
    private EditorHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EditorHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Nobody_without_an_editor_account_reaches_the_editor()
    {
        var anonymous = _host.Client(null);
        var reader = _host.Client("reader");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ApiClient.Incident + "/working")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(ApiClient.Incident + "/working")).StatusCode);
        var page = await reader.GetAsync("/editor/processes/incident");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync(ApiClient.Incident + "/save", new { message = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_write_without_the_antiforgery_token_is_refused()
    {
        var editor = _host.Client("editor");
        await editor.PatchAsync(ApiClient.Incident, ApiClient.Set("purpose", "Forged purpose."));
        editor.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var reader = _host.Client(null);
        reader.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        var save = await editor.PostJsonAsync(ApiClient.Incident + "/save", new { message = "x" });
        var forged = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Post, ApiClient.Incident + "/save")
        {
            Headers = { { "X-CSRF-TOKEN", "not-a-token" } },
            Content = System.Net.Http.Json.JsonContent.Create(new { message = "x" }),
        });
        var feedback = await reader.PostJsonAsync("/api/feedback", new { process = "incident", procedure = "handle-incident", step = "log", text = "x" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (save.StatusCode, forged.StatusCode, feedback.StatusCode));
        Assert.Contains("anti-forgery", (await save.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("anti-forgery", (await feedback.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await editor.GetJsonAsync(ApiClient.Incident + "/history"))["proposals"]!.AsArray());
        Assert.Empty((await editor.GetJsonAsync("/api/editor/processes/incident/feedback")).AsArray());
    }

    [Fact]
    public async Task An_edit_is_autosaved_as_a_draft_and_linted_at_the_field()
    {
        var editor = _host.Client("editor");

        var copy = await editor.PatchAsync(ApiClient.Incident, ApiClient.Set("procedures[0].steps[1].raci.responsible", new[] { "wizard" }));

        Assert.True(copy["isDraft"]!.GetValue<bool>());
        var diagnostic = copy["diagnostics"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "PLB101");
        Assert.Equal("procedures[0].steps[1].raci.responsible", diagnostic!["path"]!.GetValue<string>());
        var again = await editor.GetJsonAsync(ApiClient.Incident + "/working");
        Assert.Equal("wizard", again["content"]!["procedures"]![0]!["steps"]![1]!["raci"]!["responsible"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_refused_with_the_field_named()
    {
        var editor = _host.Client("editor");

        var response = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Patch, ApiClient.Incident + "/draft") { Content = System.Net.Http.Json.JsonContent.Create(new[] { ApiClient.Set("procedures[0].steps[0].kind", "robot") }) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", (await response.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_saving_a_step_changed_by_an_approval_meanwhile_sees_the_conflict_and_loses_nothing()
    {
        // Given two editors changing the same instruction from the same version, and the first one's proposal approved
        var editor = _host.Client("editor");
        var bob = _host.Client("bob");
        var owner = _host.Client("owner");
        await editor.PatchAsync(ApiClient.Incident, ApiClient.Set("procedures[0].steps[1].instruction", "Editor: try the known error first."));
        await bob.PatchAsync(ApiClient.Incident, ApiClient.Set("procedures[0].steps[1].instruction", "Bob: call the resolver group."));
        Assert.True((await editor.PostJsonAsync(ApiClient.Incident + "/save", new { message = "editor's change" })).IsSuccessStatusCode);
        await editor.PostJsonAsync(ApiClient.Incident + "/submit", new { comment = (string?)null });
        Assert.True((await owner.PostJsonAsync(ApiClient.Incident + "/review", new { approve = true })).IsSuccessStatusCode);

        // When bob saves his draft, made on the version before
        var second = await bob.PostJsonAsync(ApiClient.Incident + "/save", new { message = "bob's change" });

        // Then he sees the field with both texts, and keeping both saves both into his proposal on the new head
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = (await second.JsonAsync())["conflicts"]![0]!;
        Assert.Equal("process incident › procedure handle-incident › step resolve › instruction", conflict["where"]!.GetValue<string>());
        Assert.Equal("Bob: call the resolver group.", conflict["mine"]!.GetValue<string>());
        Assert.Equal("Editor: try the known error first.", conflict["theirs"]!.GetValue<string>());
        var resolved = await bob.PostJsonAsync(ApiClient.Incident + "/save",
            new { message = "bob's change", resolutions = new[] { new { path = conflict["path"]!.GetValue<string>(), choice = "both" } } });
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        Assert.Equal(2, (await resolved.JsonAsync())["baseVersion"]!.GetValue<long>());
        var working = await bob.GetJsonAsync(ApiClient.Incident + "/working");
        Assert.Equal("Bob: call the resolver group.\n\nEditor: try the known error first.",
            working["content"]!["procedures"]![0]!["steps"]![1]!["instruction"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proposal_goes_from_draft_to_review_to_approved_and_only_then_reaches_readers()
    {
        // Given a saved change
        var editor = _host.Client("editor");
        var owner = _host.Client("owner");
        await editor.PatchAsync(ApiClient.Incident, ApiClient.Set("procedures[0].steps[0].instruction", "Log it while the caller is on the line."));
        var saved = await editor.PostJsonAsync(ApiClient.Incident + "/save", new { message = "clearer logging" });
        Assert.Equal("draft", (await saved.JsonAsync())["state"]!.GetValue<string>());
        Assert.DoesNotContain("caller is on the line", await _host.Client(null).GetStringAsync("/feedback/incident/handle-incident/log"), StringComparison.Ordinal);

        // When it is submitted, an editor cannot approve, and the owner does
        Assert.True((await editor.PostJsonAsync(ApiClient.Incident + "/submit", new { comment = (string?)null })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync(ApiClient.Incident + "/review", new { approve = true })).StatusCode);
        var approved = await owner.PostJsonAsync(ApiClient.Incident + "/review", new { approve = true, comment = "good" });

        // Then readers see it, the history's new version is the editor's, and the proposal says who approved it
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.Contains("caller is on the line", await _host.Client(null).GetStringAsync("/feedback/incident/handle-incident/log"), StringComparison.Ordinal);
        var history = await editor.GetJsonAsync(ApiClient.Incident + "/history");
        var version = history["versions"]![0]!;
        Assert.Equal((2L, "editor"), (version["number"]!.GetValue<long>(), version["author"]!.GetValue<string>()));
        Assert.Contains("approved by owner", version["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var proposal = history["proposals"]![0]!;
        Assert.Equal(("clearer logging", "approved", "owner", "good", 2L), (proposal["title"]!.GetValue<string>(), proposal["state"]!.GetValue<string>(),
            proposal["reviewer"]!.GetValue<string>(), proposal["comment"]!.GetValue<string>(), proposal["mergedAs"]!.GetValue<long>()));
        Assert.Equal(2, (await _host.Handbooks.GetCurrentAsync(CancellationToken.None)).Version.Number);
    }

    [Fact]
    public async Task An_owner_sends_a_proposal_back_with_a_comment()
    {
        var editor = _host.Client("editor");
        var owner = _host.Client("owner");
        await editor.PatchAsync(ApiClient.Incident, ApiClient.Set("purpose", "Restore service fast."));
        await editor.PostJsonAsync(ApiClient.Incident + "/save", new { message = "purpose" });
        await editor.PostJsonAsync(ApiClient.Incident + "/submit", new { comment = (string?)null });

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostJsonAsync(ApiClient.Incident + "/review", new { approve = false, comment = "" })).StatusCode);
        var sentBack = await owner.PostJsonAsync(ApiClient.Incident + "/review", new { approve = false, comment = "Say which services." });

        Assert.True(sentBack.IsSuccessStatusCode);
        var proposal = (await editor.GetJsonAsync(ApiClient.Incident + "/history"))["proposals"]![0]!;
        Assert.Equal(("sent back", "Say which services."), (proposal["state"]!.GetValue<string>(), proposal["comment"]!.GetValue<string>()));
        Assert.Equal(1, (await _host.Handbooks.GetCurrentAsync(CancellationToken.None)).Version.Number);
    }

    [Fact]
    public async Task A_reader_sends_feedback_with_the_page_form_which_needs_its_token_and_a_text()
    {
        var reader = _host.Client(null);
        const string Page = "/feedback/incident/handle-incident/log";
        var page = await reader.GetStringAsync(Page);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page,
            "<form class=\"feedback\"[^>]*>\\s*<input type=\"hidden\" name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(token);

        // The form is answered with the page again (post, redirect, get), and the editors have the feedback
        var sent = await reader.PostAsync(Page, new FormUrlEncodedContent([new("__csrf", token), new("text", "We log after the call.")]));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(Page + "?sent=true#tell", sent.Headers.Location!.OriginalString);
        Assert.Contains("Thank you", await reader.GetStringAsync(Page + "?sent=true"), StringComparison.Ordinal);
        var list = await _host.Client("editor").GetJsonAsync("/api/editor/processes/incident/feedback");
        Assert.Equal(("log", "We log after the call.", "anonymous reader"),
            (list[0]!["step"]!.GetValue<string>(), list[0]!["text"]!.GetValue<string>(), list[0]!["author"]!.GetValue<string>()));

        // An empty text is refused with the page, saying why; so is a form without the token (no cookie, no header)
        var empty = await reader.PostAsync(Page, new FormUrlEncodedContent([new("__csrf", token), new("text", " ")]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Not sent: the feedback is empty.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stranger = new HttpClient(_host.App.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        var forged = await stranger.PostAsync(Page, new FormUrlEncodedContent([new("text", "Spam.")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("the form expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await _host.Client("editor").GetJsonAsync("/api/editor/processes/incident/feedback")).AsArray());
    }

    [Fact]
    public async Task Reader_feedback_is_answered_and_becomes_a_finding_on_the_step()
    {
        var reader = _host.Client(null);
        var editor = _host.Client("editor");
        var sent = await reader.PostJsonAsync("/api/feedback",
            new { process = "incident", procedure = "handle-incident", step = "close", text = "We never call the caller back." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var feedback = (await editor.GetJsonAsync("/api/editor/processes/incident/feedback"))[0]!;
        var answered = await editor.PostJsonAsync($"/api/editor/feedback/{feedback["id"]}/answer",
            new { process = "incident", answer = "Agreed, we will fix the step.", makeFinding = true, severity = "high", plannedUpdate = "Call back within a day." });

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        var finding = (await editor.GetJsonAsync(ApiClient.Incident + "/working"))["content"]!["procedures"]![0]!["steps"]![2]!["findings"]![0]!;
        Assert.Equal(("We never call the caller back.", "high", "Call back within a day."),
            (finding["text"]!.GetValue<string>(), finding["severity"]!.GetValue<string>(), finding["plannedUpdate"]!.GetValue<string>()));
        var again = (await editor.GetJsonAsync("/api/editor/processes/incident/feedback"))[0]!;
        Assert.Equal(finding["id"]!.GetValue<string>(), again["findingId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editors_on_the_same_process_see_each_other()
    {
        var editor = _host.Client("editor");
        var bob = _host.Client("bob");

        await editor.GetJsonAsync(ApiClient.Incident + "/presence");
        var seenByBob = await bob.GetJsonAsync(ApiClient.Incident + "/presence");

        Assert.Equal(["editor"], seenByBob["others"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_diagram_saved_from_the_modeler_carries_its_new_task_into_the_steps()
    {
        // Given the diagram the modeler loads, with a task added after "resolve" in the lane of a role the handbook lacks
        var editor = _host.Client("editor");
        const string url = "/api/editor/processes/incident/procedures/handle-incident/bpmn";
        var definitions = BpmnReader.Read(await editor.GetStringAsync(url), "diagram").Definitions!;
        var bpmn = definitions.Processes.Single();
        var resolve = BpmnIds.Step("handle-incident", "resolve");
        var close = BpmnIds.Step("handle-incident", "close");
        bpmn.Children.RemoveAll(c => c.Kind == "sequenceFlow" && c.Attribute("sourceRef") == resolve && c.Attribute("targetRef") == close);
        bpmn.Add(new BpmnElement("userTask", "Activity_0new", "Check with the caller"));
        bpmn.Add(new BpmnElement("sequenceFlow", "Flow_0a").With("sourceRef", resolve).With("targetRef", "Activity_0new"));
        bpmn.Add(new BpmnElement("sequenceFlow", "Flow_0b").With("sourceRef", "Activity_0new").With("targetRef", close));
        bpmn.ChildrenOf("laneSet").Single().Add(new BpmnElement("lane", "Lane_0x", "Quality Desk")).Add(new BpmnElement("flowNodeRef") { Text = "Activity_0new" });

        // When it is saved
        var saved = await editor.PutAsync(url, new StringContent(BpmnWriter.ToXml(definitions), System.Text.Encoding.UTF8, "application/xml"));

        // Then the draft has the step between resolve and close, and the handbook draft has the new role
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var steps = (await editor.GetJsonAsync(ApiClient.Incident + "/working"))["content"]!["procedures"]![0]!["steps"]!.AsArray();
        Assert.Equal(["log", "resolve", "check-with-the-caller", "close"], steps.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal("quality-desk", steps[2]!["raci"]!["responsible"]![0]!.GetValue<string>());
        var roles = (await editor.GetJsonAsync(ApiClient.Handbook + "/working"))["content"]!["roles"]!.AsArray();
        Assert.Contains(roles, r => r!["id"]!.GetValue<string>() == "quality-desk");
    }

    [Fact]
    public async Task A_diagram_with_a_document_type_declaration_is_refused()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><definitions>&e;</definitions>""";

        var response = await _host.Client("editor").PutAsync("/api/editor/processes/incident/procedures/handle-incident/bpmn",
            new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DTD", (await response.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("median duration from start to step:resolve by priority", true)]
    [InlineData("median duration from start to", false)]
    public async Task The_measure_is_checked_live(string text, bool ok)
    {
        var result = await _host.Client("editor").GetJsonAsync($"/api/editor/measure?text={Uri.EscapeDataString(text)}");

        Assert.Equal(ok, result["ok"]!.GetValue<bool>());
    }
}
