namespace Plumb.Server.Tests.Workflow;

using System.Text.Json.Nodes;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;
using Plumb.Server.Editor.Services;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;
using Plumb.Server.Workflow;

/// <summary>
/// The one history with the review workflow on top, run against SQLite and PostgreSQL alike: the editor's proposals, pushes
/// and API writes all go through the same versions, and an approval merges into the head instead of writing over it.
/// </summary>
public abstract class WorkflowContract : IAsyncLifetime
{
    private const string Incident = "processes/incident.yaml";
    private static readonly CancellationToken None = CancellationToken.None;

    protected IPlumbStore Store { get; private set; } = null!;

    private HandbookService Handbooks { get; set; } = null!;

    private ProposalService Proposals { get; set; } = null!;

    private EditorService Editor { get; set; } = null!;

    protected abstract Task<IPlumbStore> CreateStoreAsync();

    /// <summary>Runs SQL on the store's database directly, as an administrator would.</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>SQL that makes every insert into the audit table fail.</summary>
    protected abstract string RefuseAuditSql { get; }

    /// <summary>The editor's former tables, in this database's dialect, as the editor created them.</summary>
    protected abstract string LegacyEditorSchema { get; }

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(None);
        Handbooks = new HandbookService(Store, TimeProvider.System);
        Proposals = new ProposalService(Store, Handbooks, TimeProvider.System);
        Editor = new EditorService(Store, Handbooks, Proposals, TimeProvider.System);
    }

    public virtual ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Push_during_review_is_merged_not_reverted()
    {
        // Given version 1, and an editor's change to incident submitted for review
        var documents = TestHandbooks.Documents();
        await SeedAsync(documents);
        var proposal = await ProposeAsync("editor", "procedures[0].steps[0].instruction", "Log it while the caller is on the line.");
        Assert.Null(await Editor.SubmitAsync(Incident, "editor", null, None));

        // When someone pushes meanwhile: a change to problem, a new process, and YAML comments (one in the document under review)
        var pushed = new Dictionary<string, string>(documents, StringComparer.Ordinal);
        pushed["processes/problem.yaml"] = documents["processes/problem.yaml"].Replace("Find and remove the root causes of incidents.",
            "Find and remove root causes before they recur.", StringComparison.Ordinal);
        pushed["processes/change.yaml"] = HandbookYamlWriter.ProcessToString(NewProcess("change", "Change Management"));
        pushed["handbook.yaml"] = AddComment(documents["handbook.yaml"], "roles:", "# Roles are agreed with HR every spring.");
        pushed[Incident] = AddComment(documents[Incident], "procedures:", "# Reviewed in the March workshop.");
        var push = await Handbooks.SaveAsync(1, pushed, "pusher", "plumb push", None);
        Assert.NotNull(push.Saved);
        Assert.Equal(ProposalState.Stale, (await Store.GetProposalAsync(proposal.Id, None))!.State);

        // and the owner approves the editor's proposal
        var approval = await Proposals.ApproveAsync(proposal.Id, "owner", "good", None);

        // Then the new head holds the editor's change and everything the push brought
        Assert.True(approval.Approved, approval.Problem);
        var head = await Handbooks.GetCurrentAsync(None);
        Assert.Equal(3, head.Version.Number);
        Assert.Equal("Log it while the caller is on the line.", head.Handbook.FindProcess("incident")!.Procedures[0].Steps[0].Instruction);
        Assert.Equal("Find and remove root causes before they recur.", head.Handbook.FindProcess("problem")!.Purpose);
        Assert.NotNull(head.Handbook.FindProcess("change"));
        Assert.Contains("# Roles are agreed with HR every spring.", head.FindDocument("handbook.yaml")!.Content, StringComparison.Ordinal);
        Assert.Contains("# Reviewed in the March workshop.", head.FindDocument(Incident)!.Content, StringComparison.Ordinal);
        Assert.Equal(pushed["processes/problem.yaml"], head.FindDocument("processes/problem.yaml")!.Content);
        var approved = (await Store.GetProposalAsync(proposal.Id, None))!;
        Assert.Equal((ProposalState.Approved, 3L, "owner"), (approved.State, approved.MergedAs, approved.Reviewer));
    }

    [Fact]
    public async Task A_push_after_an_approval_keeps_the_approved_change()
    {
        // Given an approved change
        var documents = TestHandbooks.Documents();
        await SeedAsync(documents);
        var proposal = await ProposeAsync("editor", "purpose", "Restore service quickly and keep callers informed.");
        await Editor.SubmitAsync(Incident, "editor", null, None);
        Assert.True((await Proposals.ApproveAsync(proposal.Id, "owner", null, None)).Approved);

        // When a push made from the folder as it was before the approval arrives
        var stale = await Handbooks.SaveAsync(1, documents, "pusher", "plumb push", None);

        // Then it is refused as a conflict, and the approved change stays
        Assert.True(stale.IsConflict);
        Assert.Equal("Restore service quickly and keep callers informed.", (await Handbooks.GetCurrentAsync(None)).Handbook.FindProcess("incident")!.Purpose);
    }

    [Fact]
    public async Task Comments_and_layout_survive_an_approval_and_an_edit_in_the_browser()
    {
        // Given an incident document with comments and blank lines of its own
        var documents = TestHandbooks.Documents();
        var commented = AddComment(documents[Incident], "procedures:", "# The procedures follow the service desk's runbook.");
        commented = commented.Replace("name: Incident Management", "name: Incident Management   # the name the portal shows", StringComparison.Ordinal);
        commented = commented.Replace("\nprocedures:", "\n\n\nprocedures:", StringComparison.Ordinal);
        documents[Incident] = commented;
        await SeedAsync(documents);

        // When an editor changes one instruction in the forms, and the owner approves it
        var proposal = await ProposeAsync("editor", "procedures[0].steps[1].instruction", "Apply the known workaround first.");
        await Editor.SubmitAsync(Incident, "editor", null, None);
        var approval = await Proposals.ApproveAsync(proposal.Id, "owner", null, None);

        // Then the document differs from before only where the instruction is
        Assert.True(approval.Approved, approval.Problem);
        var after = (await Handbooks.GetCurrentAsync(None)).FindDocument(Incident)!.Content;
        Assert.Contains("# The procedures follow the service desk's runbook.", after, StringComparison.Ordinal);
        Assert.Contains("name: Incident Management   # the name the portal shows", after, StringComparison.Ordinal);
        Assert.Contains("\n\n\nprocedures:", after, StringComparison.Ordinal);
        Assert.Contains("Apply the known workaround first.", after, StringComparison.Ordinal);
        var before = commented.Split('\n');
        var changed = after.Split('\n').Except(before, StringComparer.Ordinal).ToList();
        Assert.True(changed.Count <= 3, "changed lines: " + string.Join(" | ", changed));
    }

    [Fact]
    public async Task Two_proposals_on_different_steps_of_the_same_process_both_land()
    {
        await SeedAsync(TestHandbooks.Documents());
        var first = await ProposeAsync("editor", "procedures[0].steps[0].instruction", "Editor: log it while the caller is on the line.");
        var second = await ProposeAsync("bob", "procedures[0].steps[2].instruction", "Bob: close only after the caller confirms.");
        await Editor.SubmitAsync(Incident, "editor", null, None);
        await Editor.SubmitAsync(Incident, "bob", null, None);

        var one = await Proposals.ApproveAsync(first.Id, "owner", null, None);
        Assert.Equal(ProposalState.Stale, (await Store.GetProposalAsync(second.Id, None))!.State);
        var two = await Proposals.ApproveAsync(second.Id, "owner", null, None);

        Assert.True(one.Approved && two.Approved, one.Problem ?? two.Problem);
        var steps = (await Handbooks.GetCurrentAsync(None)).Handbook.FindProcess("incident")!.Procedures[0].Steps;
        Assert.Equal("Editor: log it while the caller is on the line.", steps[0].Instruction);
        Assert.Equal("Bob: close only after the caller confirms.", steps[2].Instruction);
    }

    [Fact]
    public async Task A_real_conflict_sends_the_proposal_back_with_the_field_and_overwrites_nothing()
    {
        await SeedAsync(TestHandbooks.Documents());
        var first = await ProposeAsync("editor", "procedures[0].steps[1].instruction", "Editor: try the known error first.");
        var second = await ProposeAsync("bob", "procedures[0].steps[1].instruction", "Bob: call the resolver group.");
        await Editor.SubmitAsync(Incident, "editor", null, None);
        await Editor.SubmitAsync(Incident, "bob", null, None);
        Assert.True((await Proposals.ApproveAsync(first.Id, "owner", null, None)).Approved);

        var refused = await Proposals.ApproveAsync(second.Id, "owner", null, None);

        Assert.False(refused.Approved);
        var conflict = Assert.Single(refused.Conflicts);
        Assert.Equal((Incident, "process incident › procedure handle-incident › step resolve › instruction"), (conflict.Document, conflict.Where));
        Assert.Equal(("Bob: call the resolver group.", "Editor: try the known error first."), (conflict.Mine, conflict.Theirs));
        var back = (await Store.GetProposalAsync(second.Id, None))!;
        Assert.Equal(ProposalState.SentBack, back.State);
        Assert.Single(ProposalConflict.Parse(back.Conflicts));
        var head = await Handbooks.GetCurrentAsync(None);
        Assert.Equal(2, head.Version.Number);
        Assert.Equal("Editor: try the known error first.", head.Handbook.FindProcess("incident")!.Procedures[0].Steps[1].Instruction);
    }

    [Fact]
    public async Task A_proposal_sent_back_for_a_conflict_is_settled_by_its_author_and_then_lands()
    {
        await SeedAsync(TestHandbooks.Documents());
        var first = await ProposeAsync("editor", "procedures[0].steps[1].instruction", "Editor: try the known error first.");
        var second = await ProposeAsync("bob", "procedures[0].steps[1].instruction", "Bob: call the resolver group.");
        await Editor.SubmitAsync(Incident, "bob", null, None);
        await Editor.SubmitAsync(Incident, "editor", null, None);
        Assert.True((await Proposals.ApproveAsync(first.Id, "owner", null, None)).Approved);
        Assert.False((await Proposals.ApproveAsync(second.Id, "owner", null, None)).Approved);

        // Bob saves his proposal as it is: the save shows the conflict; keeping both texts moves it onto the head
        var again = await Editor.SaveAsync(Incident, "bob", "", null, None);
        var conflict = Assert.Single(again.Conflicts);
        var settled = await Editor.SaveAsync(Incident, "bob", "", [new Plumb.Handbook.Merge.MergeResolution(conflict.Path, Plumb.Handbook.Merge.MergeChoice.Both, null)], None);
        Assert.True(settled.Saved, settled.Problem);
        Assert.Equal((2L, ProposalState.Draft), (settled.Proposal!.BaseVersion, settled.Proposal.State));
        Assert.Null(await Editor.SubmitAsync(Incident, "bob", null, None));
        Assert.True((await Proposals.ApproveAsync(second.Id, "owner", null, None)).Approved);

        Assert.Equal("Bob: call the resolver group.\n\nEditor: try the known error first.",
            (await Handbooks.GetCurrentAsync(None)).Handbook.FindProcess("incident")!.Procedures[0].Steps[1].Instruction);
    }

    [Fact]
    public async Task Eight_writers_changing_different_processes_all_succeed()
    {
        // Given eight processes, one per writer
        var handbook = TestHandbooks.Create();
        for (var i = 1; i <= 8; i++) handbook.Processes.Add(NewProcess($"p{i}", $"Process {i}"));
        await SeedAsync(DocumentSet.Write(handbook));

        // When eight writers each save their own process five times at once, each with the ETag it read
        const int Writes = 5;
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, 8), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var path = $"processes/p{i}.yaml";
            for (var n = 0; n < Writes; n++)
            {
                var current = await Handbooks.GetCurrentAsync(ct);
                var document = current.FindDocument(path)!;
                var text = document.Content.Replace($"Process {i}", $"Process {i}", StringComparison.Ordinal)
                    + $"# write {n}\n";
                var result = await Handbooks.SaveDocumentsAsync(new Dictionary<string, string?> { [path] = text },
                    new Dictionary<string, long?> { [path] = document.ChangedIn }, $"writer{i}", $"write {n}", ct);
                if (result.Saved is null) Interlocked.Increment(ref failures);
            }
        });

        // Then none failed, and every write is a version with its audit entry
        Assert.Equal(0, failures);
        Assert.Equal(1 + (8 * Writes), (await Handbooks.GetCurrentAsync(None)).Version.Number);
        Assert.Equal(1 + (8 * Writes), (await Store.ListAuditAsync(1000, None)).Count(a => a.Action == "save-version"));
        foreach (var i in Enumerable.Range(1, 8))
            Assert.EndsWith($"# write {Writes - 1}\n", (await Handbooks.GetCurrentAsync(None)).FindDocument($"processes/p{i}.yaml")!.Content, StringComparison.Ordinal);
    }

    // https://plumb.dev/issues/20: two draft saves of one user at once lost one of the two fields 81 times in 100.
    [Fact]
    public async Task Two_draft_saves_of_one_user_at_once_keep_both_fields()
    {
        await SeedAsync(TestHandbooks.Documents());
        for (var round = 0; round < 25; round++)
        {
            // When two tabs of one editor save different fields at the same moment
            var first = $"Log it, round {round}.";
            var second = $"Close it, round {round}.";
            await Task.WhenAll(
                Task.Run(() => Editor.PatchAsync(Incident, "editor", [new JsonPatch("set", "procedures[0].steps[0].instruction", JsonValue.Create(first))], None)),
                Task.Run(() => Editor.PatchAsync(Incident, "editor", [new JsonPatch("set", "procedures[0].steps[2].instruction", JsonValue.Create(second))], None)));

            // Then the draft holds both
            var process = Plumb.Server.Editor.Services.Documents.ReadProcess((await Store.GetDraftAsync(Incident, "editor", None))!.Content);
            Assert.Equal((first, second), (process.Procedures[0].Steps[0].Instruction, process.Procedures[0].Steps[2].Instruction));
        }
    }

    [Fact]
    public async Task A_version_is_not_kept_when_its_audit_entry_cannot_be_written()
    {
        await SeedAsync(TestHandbooks.Documents());
        Assert.Single(await Store.ListAuditAsync(10, None));
        await ExecuteAsync(RefuseAuditSql);
        var documents = TestHandbooks.Documents();
        documents["processes/problem.yaml"] += "# one more line\n";

        var error = await Xunit.Record.ExceptionAsync(async () =>
        {
            var result = await Handbooks.SaveAsync(1, documents, "ann", "second", None);
            Assert.Fail($"saved: {result.Saved?.Version.Number}, conflict {result.IsConflict}, {string.Join("; ", result.Violations.Select(d => d.Format()))}");
        });

        Assert.True(error is System.Data.Common.DbException, error?.Message);

        Assert.Equal(1, (await Store.GetHeadAsync(None))!.Number);
        Assert.Empty(await Store.GetDocumentsAsync(2, None));
    }

    [Fact]
    public async Task The_editors_former_tables_are_imported_once_with_nothing_lost()
    {
        // Given the server's version 1 and the editor's own tables beside it: published incident, then an unpublished change in review,
        // a draft, and answered feedback
        var documents = TestHandbooks.Documents();
        await SeedAsync(documents);
        var incident = Documents.FromYaml(Incident, documents[Incident])!;
        var changed = JsonNode.Parse(incident)!;
        changed["purpose"] = "Restore service within the agreed time.";
        await ExecuteAsync(LegacyEditorSchema);
        await ExecuteAsync($"""
            INSERT INTO editor_versions VALUES ('process:incident', 1, '{Sql(incident)}', 'plumb', '2026-01-01T00:00:00.0000000+00:00', 'Imported', 'Published', NULL, NULL);
            INSERT INTO editor_versions VALUES ('process:incident', 2, '{Sql(changed.ToJsonString())}', 'editor', '2026-01-02T00:00:00.0000000+00:00', 'Clearer purpose', 'InReview', NULL, NULL);
            INSERT INTO editor_drafts VALUES ('process:problem', 'bob', 1, '{Sql(Documents.FromYaml("processes/problem.yaml", documents["processes/problem.yaml"])!)}', '2026-01-03T00:00:00.0000000+00:00');
            INSERT INTO editor_feedback (process, procedure, step, author, text, at, answer, answered_by, finding_id)
                VALUES ('incident', 'handle-incident', 'log', 'reader', 'We log twice.', '2026-01-04T00:00:00.0000000+00:00', 'Noted.', 'editor', NULL);
            """);

        // When the server starts, twice
        var import = new EditorImport(Store, Handbooks, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<EditorImport>.Instance);
        await import.StartAsync(None);
        await import.StartAsync(None);

        // Then the change is a proposal in review on the head, the draft and the feedback are there, each once
        var proposal = Assert.Single(await Store.ListProposalsAsync(Incident, openOnly: true, None));
        Assert.Equal((ProposalState.InReview, "editor", 1L, "Clearer purpose"), (proposal.State, proposal.Author, proposal.BaseVersion, proposal.Title));
        Assert.Contains("Restore service within the agreed time.", proposal.Find(Incident)!.Content, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetDraftAsync("processes/problem.yaml", "bob", None));
        var feedback = Assert.Single(await Store.ListFeedbackAsync("incident", None));
        Assert.Equal(("We log twice.", "Noted."), (feedback.Text, feedback.Answer));

        // and approving it changes the purpose and nothing else
        Assert.True((await Proposals.ApproveAsync(proposal.Id, "owner", null, None)).Approved);
        var head = await Handbooks.GetCurrentAsync(None);
        Assert.Equal("Restore service within the agreed time.", head.Handbook.FindProcess("incident")!.Purpose);
        Assert.Equal(documents["processes/problem.yaml"], head.FindDocument("processes/problem.yaml")!.Content);
    }

    [Fact]
    public async Task A_step_page_gets_only_its_own_answers_and_the_owners_header_counts_the_proposals_in_review()
    {
        // Given feedback on two steps of incident and one of problem, some answered, and proposals in several states
        var documents = TestHandbooks.Documents();
        await SeedAsync(documents);
        var at = DateTimeOffset.UnixEpoch;
        var first = await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle-incident", "log", "reader", "We log twice.", at, null, null, null), None);
        await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle-incident", "log", "reader", "Unanswered.", at, null, null, null), None);
        var other = await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle-incident", "classify", "reader", "Other step.", at, null, null, null), None);
        var problem = await Store.AddFeedbackAsync(new Feedback(0, "problem", "handle-incident", "log", "reader", "Other process.", at, null, null, null), None);
        var last = await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle-incident", "log", "reader", "Still twice.", at, null, null, null), None);
        foreach (var id in new[] { last.Id, first.Id, other.Id, problem.Id }) Assert.True(await Store.AnswerFeedbackAsync(id, $"answer {id}", "editor", null, None));
        var review = await ProposeAsync("editor", "procedures[0].steps[0].instruction", "Log it while the caller is on the line.");
        Assert.Null(await Editor.SubmitAsync(Incident, "editor", null, None));
        await ProposeAsync("bob", "procedures[0].steps[0].instruction", "A draft that waits for nobody.");

        // When a step page and an owner's header ask
        var answers = await Store.ListAnswersAsync("incident", "handle-incident", "log", None);
        var waiting = await Store.CountProposalsAsync(ProposalService.Reviewable, None);

        // Then the step gets its answered feedback, oldest first, and the header counts the one proposal in review, as the full list says
        Assert.Equal([first.Id, last.Id], answers.Select(a => a.Id));
        Assert.Equal($"answer {first.Id}", answers[0].Answer);
        Assert.Equal(1, waiting);
        Assert.Equal((await Store.ListProposalsAsync(null, openOnly: true, None)).Count(ProposalService.WaitsForReview), waiting);
        Assert.Equal(review.Id, Assert.Single(await Store.ListProposalsAsync(null, openOnly: true, None), ProposalService.WaitsForReview).Id);
        Assert.Equal(0, await Store.CountProposalsAsync([], None));
    }

    private static string Sql(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private async Task SeedAsync(IReadOnlyDictionary<string, string> documents)
    {
        var seeded = await Handbooks.SaveAsync(0, documents, "plumb", "seed", None);
        Assert.True(seeded.Saved is not null, string.Join("; ", seeded.Malformed.Concat(seeded.Violations).Select(d => d.Format())));
    }

    // An editor sets one field of incident in the forms and saves it into their proposal.
    private async Task<Proposal> ProposeAsync(string user, string path, string value)
    {
        var (copy, problem) = await Editor.PatchAsync(Incident, user, [new JsonPatch("set", path, JsonValue.Create(value))], None);
        Assert.True(copy is not null, problem);
        var saved = await Editor.SaveAsync(Incident, user, $"{user}'s change", null, None);
        Assert.True(saved.Saved, saved.Problem ?? string.Join("; ", saved.Conflicts.Select(c => c.Where)));
        return saved.Proposal!;
    }

    private static string AddComment(string text, string beforeLine, string comment)
    {
        var at = text.IndexOf("\n" + beforeLine, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{beforeLine}' is not in the document");
        return text[..(at + 1)] + comment + "\n" + text[(at + 1)..];
    }

    private static Process NewProcess(string id, string name)
    {
        var process = TestHandbooks.Create().FindProcess("problem")!;
        process.Id = id;
        process.Name = name;
        process.Inputs.Clear();
        process.Outputs.Clear();
        foreach (var step in process.Procedures.SelectMany(p => p.Steps))
        {
            step.Inputs.Clear();
            step.Outputs.Clear();
        }

        return process;
    }
}
