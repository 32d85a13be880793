namespace Plumb.Editor.Tests.Browser;

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// https://plumb.dev/issues/14 and https://plumb.dev/issues/20: portal and editor are one site with one frame; readers see the answers to
// their feedback; owners are told what waits for review; one version number everywhere.
[Collection(BrowserCollection.Name)]
public sealed partial class OneFrameBrowserTests(BrowserFixture fixture)
{
    private const string Step = "/processes/incident/procedures/handle-incident/steps/close";
    private const string StepFeedback = "/feedback/incident/handle-incident/close";

    [Fact]
    public async Task Portal_and_editor_had_two_frames_and_no_links_to_each_other_now_one_frame_links_both_ways()
    {
        await using var server = await ServerUnderTest.StartAsync();
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/processes/incident");

        // The portal's process page: the banner names the editor, and the process's editor page is one click away
        await Expect(editor.Locator("header.banner nav[aria-label=Main] a[href='/editor']")).ToHaveTextAsync("Editor");
        var menu = await editor.Locator("header.banner nav[aria-label=Main]").InnerTextAsync();
        var account = await editor.Locator("header.banner .account span").InnerTextAsync();
        var footer = await editor.Locator("footer.footer").InnerTextAsync();
        await editor.Locator("a.counterpart").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/editor/processes/incident$"));

        // The editor's page has the same banner, account and footer, and links back to what readers see
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Incident Management");
        Assert.Equal(menu, await editor.Locator("header.banner nav[aria-label=Main]").InnerTextAsync());
        Assert.Equal(account, await editor.Locator("header.banner .account span").InnerTextAsync());
        Assert.Equal(footer, await editor.Locator("footer.footer").InnerTextAsync());
        await Expect(editor.Locator("nav.subnav a")).ToHaveTextAsync(["Forms", "Review workshop", "Workbook", "Versions and review", "Feedback"]);
        await Expect(editor.Locator("a.counterpart")).ToHaveTextAsync("View in the portal");
        await editor.Locator("a.counterpart").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/processes/incident$"));

        // A procedure's page and its diagram in the modeler link each other
        await editor.GotoAsync("/processes/incident/procedures/handle-incident");
        await editor.Locator("a.counterpart").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/editor/processes/incident/procedures/handle-incident/diagram$"));
        await Expect(editor.Locator("header.banner")).ToHaveCountAsync(1);
        await Expect(editor.Locator("a.counterpart")).ToHaveAttributeAsync("href", "/processes/incident/procedures/handle-incident");
        // and a step's page opens the forms at that very step: its procedure and it unfolded, in view and focused
        await editor.GotoAsync(Step);
        await Expect(editor.Locator("a.counterpart")).ToHaveAttributeAsync("href", "/editor/processes/incident?procedure=handle-incident&step=close");
        await editor.Locator("a.counterpart").ClickAsync();
        var focused = editor.Locator("details > summary:focus");
        await Expect(focused).ToHaveTextAsync(new Regex("^step: close"));
        Assert.True(await focused.EvaluateAsync<bool>("s => s.parentElement.open && s.parentElement.parentElement.closest('details').open"));
        Assert.True(await focused.EvaluateAsync<bool>("s => { const r = s.getBoundingClientRect(); return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"));

        // A reader has the same banner, without the editor
        var reader = await Pages.SignInAsync(fixture.Browser, server, "reader", "/processes/incident");
        await Expect(reader.Locator("header.banner")).ToHaveCountAsync(1);
        await Expect(reader.Locator("a[href^='/editor']")).ToHaveCountAsync(0);
        await Expect(reader.Locator("a.counterpart")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_feedback_page_sent_readers_to_sign_in_showed_raw_Markdown_and_no_answer_now_the_reader_sees_the_answer()
    {
        await using var server = await ServerUnderTest.StartAsync(handbook => handbook.Processes[0].Procedures[0].Steps[2].Instruction =
            "Ask the caller to **confirm** the service works:\n\n1. Call them back\n2. Close the incident\n\n[Closure codes](https://example.org/codes) "
            + "and [not a link](javascript:alert(1))");
        var reader = await Pages.AnonymousAsync(fixture.Browser, server);

        // A reader opens the step (so its page is cached without an answer) and follows "Tell the editors"
        await reader.GotoAsync(Step);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Tell the editors" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex(StepFeedback + "$"));

        // The page is in the portal's frame: no link leads into the editor, and every link but "Sign in" opens for a reader
        await Expect(reader.Locator("header.banner")).ToHaveCountAsync(1);
        var links = await reader.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.DoesNotContain(links, l => l.StartsWith("/editor", StringComparison.Ordinal));
        foreach (var link in links.Where(l => l != "/signin").Distinct())
        {
            var response = await reader.APIRequest.GetAsync(link, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 200, $"{link}: HTTP {response.Status}");
        }

        // The instruction is Markdown rendered as the step's page renders it, with the unsafe link emptied
        await Expect(reader.Locator("#instruction strong")).ToHaveTextAsync("confirm");
        await Expect(reader.Locator("#instruction ol li")).ToHaveCountAsync(2);
        await Expect(reader.Locator("#instruction a", new() { HasText = "Closure codes" })).ToHaveAttributeAsync("href", "https://example.org/codes");
        await Expect(reader.Locator("#instruction a", new() { HasText = "not a link" })).ToHaveAttributeAsync("href", "#");
        await Expect(reader.Locator("#instruction")).Not.ToContainTextAsync("**");
        await Pages.AssertAccessibleAsync(reader);

        // The page links back to the step; the reader sends feedback with the form (no script needed)
        await reader.Locator("#back-to-step").ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex(Step + "$"));
        await reader.GoBackAsync();
        await reader.FillAsync("#feedback-text", "We never call the caller back.");
        await reader.ClickAsync("text=Send feedback");
        await reader.WaitForStatusAsync("Thank you");
        await Pages.AssertAccessibleAsync(reader);

        // An editor answers it
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident/feedback");
        await Expect(editor.Locator("main")).ToContainTextAsync("We never call the caller back.");
        await editor.FillAsync("textarea[name=answer]", "Right: from May the agent calls back within a day.");
        await editor.ClickAsync("text=Send answer");
        await Expect(editor.Locator("main")).ToContainTextAsync("Answer from editor");

        // and the reader sees the answer on the step's page and on the feedback page
        await reader.GotoAsync(Step);
        var answer = reader.Locator(".answers .answer");
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(answer).ToContainTextAsync("A reader wrote: We never call the caller back.");
        await Expect(answer).ToContainTextAsync("editor answered: Right: from May the agent calls back within a day.");
        await Pages.AssertAccessibleAsync(reader);
        await reader.GotoAsync(StepFeedback);
        await Expect(reader.Locator(".answers .answer")).ToContainTextAsync("Right: from May the agent calls back within a day.");
    }

    [Fact]
    public async Task The_owner_was_not_told_of_a_proposal_in_review_and_the_diff_needed_a_hand_edited_address_now_both_are_links()
    {
        await using var server = await ServerUnderTest.StartAsync(handbook => handbook.Processes[0].Version = "1.0");

        // Every page kind shows the one version of the handbook
        await AssertOneVersionAsync(server, "1");

        // An editor changes a step and submits the proposal for review
        var editor = await Pages.SignInAsync(fixture.Browser, server, "editor", "/editor/processes/incident");
        await editor.OpenAsync("procedures[0]");
        await editor.OpenAsync("procedures[0].steps[1]");
        await editor.Field("procedures[0].steps[1].instruction").FillAsync("Apply the known workaround first.");
        await editor.WaitForStatusAsync("Draft saved");
        await editor.Field("purpose").FillAsync("Restore service fast, workaround first.");
        await editor.WaitForStatusAsync("Draft saved");
        await editor.FillAsync("#save-message", "Workaround first");
        await editor.ClickAsync("#save");
        await editor.WaitForStatusAsync("Saved in your proposal");
        await editor.GotoAsync("/editor/processes/incident/history");
        await editor.ClickAsync("#submit");
        await Expect(editor.Locator("#state")).ToHaveTextAsync("in review");
        await Expect(editor.Locator("#in-review-count")).ToHaveCountAsync(0); // editors do not review

        // The owner is told on any page, portal or editor, and follows the links to "published vs in review"
        var owner = await Pages.SignInAsync(fixture.Browser, server, "owner", "/");
        await Expect(owner.Locator("#in-review-count")).ToHaveTextAsync("1 proposal waits for your review");
        await owner.Locator("#in-review-count").ClickAsync();
        await Expect(owner.Locator("#in-review")).ToContainTextAsync("Workaround first");
        await Expect(owner.Locator("#in-review-count")).ToHaveTextAsync("1 proposal waits for your review");
        await Pages.AssertAccessibleAsync(owner);
        await owner.Locator("#in-review a.compare", new() { HasText = "Handle an incident" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(new Regex("/diff\\?proposal=\\d+$"));
        await Expect(owner.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(owner.Locator("#older-h")).ToHaveTextAsync("Published (handbook version 1)");
        await Expect(owner.Locator("#newer-h")).ToHaveTextAsync(new Regex("^In review \\(proposal \\d+\\)$"));
        await Expect(owner.Locator("#changes")).ToContainTextAsync("step 'Resolve the incident': instruction changed");
        // The proposal changes the process's purpose too: the reviewer of one procedure is told, apart from the procedure's changes
        await Expect(owner.Locator("#elsewhere-h")).ToBeVisibleAsync();
        await Expect(owner.Locator("#elsewhere")).ToContainTextAsync("purpose changed");
        await Expect(owner.Locator("#changes")).Not.ToContainTextAsync("purpose");
        await Expect(owner.Locator("#newer .djs-element.diff-changed[data-element-id=Step_handle-incident_resolve]")).ToHaveCountAsync(1);
        await Pages.AssertAccessibleAsync(owner);

        // The proposal page and the process's editor page carry the same link
        await owner.GotoAsync("/editor/processes/incident/history");
        await Expect(owner.Locator("a.compare", new() { HasText = "Handle an incident" })).ToHaveAttributeAsync("href", new Regex("diff\\?proposal=\\d+$"));
        await owner.GotoAsync("/editor/processes/incident");
        await Expect(owner.Locator(".waiting-review a.compare")).ToHaveCountAsync(1);

        // Approved, the proposal is version 2, and every page kind says 2; nothing waits any more
        await owner.GotoAsync("/editor/processes/incident/history");
        await owner.ClickAsync("#approve");
        await Expect(owner.Locator("#state")).ToHaveTextAsync("approved");
        await Expect(owner.Locator("#in-review-count")).ToHaveCountAsync(0);
        await AssertOneVersionAsync(server, "2");
    }

    // The handbook's version is the one number of the portal (footer, process page), the sign-in page and the editor (home, forms,
    // workbook, versions); the process's own version: field is shown as its label, never as a bare "version 1.0".
    private async Task AssertOneVersionAsync(ServerUnderTest server, string version)
    {
        var anonymous = await Pages.AnonymousAsync(fixture.Browser, server);
        var editor = await Pages.SignInAsync(fixture.Browser, server, "bob", "/");
        var seen = new List<(string Page, string Number)>();
        async Task Read(IPage page, string path)
        {
            await page.GotoAsync(path);
            if (path == "/editor/processes/incident") await Expect(page.Locator(".working-version")).ToHaveCountAsync(1);
            foreach (var number in await page.Locator(".handbook-version").AllInnerTextsAsync()) seen.Add((path, number));
        }

        foreach (var path in new[] { "/", "/processes/incident", Step, "/roles/caller", "/search?q=incident", StepFeedback, "/signin" })
            await Read(anonymous, path);
        foreach (var path in new[] { "/editor", "/editor/processes/incident", "/editor/processes/incident/workbook", "/editor/processes/incident/history" })
            await Read(editor, path);
        Assert.All(seen, s => Assert.True(s.Number == version, $"{s.Page} shows version {s.Number}, not {version}"));
        Assert.Equal(11, seen.Select(s => s.Page).Distinct().Count());
        await anonymous.GotoAsync("/processes/incident");
        await Expect(anonymous.Locator(".version-label")).ToHaveTextAsync("version label “1.0”");
        Assert.DoesNotMatch(BareVersion(), await anonymous.Locator("main").InnerTextAsync());
        await anonymous.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [GeneratedRegex(@"(?<!label “)\bversion 1\.0\b")]
    private static partial Regex BareVersion();
}
