namespace Plumb.Editor.Tests.Store;

using Plumb.Editor.Store;

/// <summary>What the editor's store must do, run against SQLite and PostgreSQL alike; each test has a database of its own.</summary>
public abstract class EditorStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);
    private const string Doc = "process:incident";

    private string _database = "";

    protected SqlEditorStore Store { get; private set; } = null!;

    /// <summary>A new, empty database; returns what <see cref="Open"/> needs to reach it.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>A store object on a database, as one server instance has.</summary>
    protected abstract SqlEditorStore Open(string database);

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Store = Open(_database);
        await Store.MigrateAsync(CancellationToken.None);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Versions_append_in_order_and_a_stale_append_writes_nothing()
    {
        var first = await Store.AppendAsync(Doc, 0, "{\"v\":1}", "ann", At, "Imported", VersionState.Published, CancellationToken.None);
        var second = await Store.AppendAsync(Doc, 1, "{\"v\":2}", "bob", At.AddMinutes(1), "Clearer", VersionState.Draft, CancellationToken.None);
        var stale = await Store.AppendAsync(Doc, 1, "{\"v\":3}", "cid", At.AddMinutes(2), "Late", VersionState.Draft, CancellationToken.None);

        Assert.Equal((1, 2), (first!.Number, second!.Number));
        Assert.Null(stale);
        Assert.Equal(second, await Store.HeadAsync(Doc, CancellationToken.None));
        Assert.Equal(first, await Store.PublishedAsync(Doc, CancellationToken.None));
        Assert.Equal([2, 1], (await Store.HistoryAsync(Doc, CancellationToken.None)).Select(v => v.Number));
        Assert.Equal([Doc], await Store.DocumentsAsync(CancellationToken.None));
        Assert.Equal(At, (await Store.VersionAsync(Doc, 1, CancellationToken.None))!.At);
    }

    [Fact]
    public async Task Two_instances_appending_on_the_same_head_at_once_give_exactly_one_version()
    {
        var other = Open(_database);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Store : other)
            .AppendAsync(Doc, 0, $"{{\"v\":{i}}}", $"user{i}", At, "race", VersionState.Draft, CancellationToken.None)));

        Assert.Single(results, r => r is not null);
        Assert.Single(await Store.HistoryAsync(Doc, CancellationToken.None));
    }

    [Fact]
    public async Task A_version_moves_on_only_from_the_state_it_is_in()
    {
        await Store.AppendAsync(Doc, 0, "{}", "ann", At, "Saved", VersionState.Draft, CancellationToken.None);

        Assert.True(await Store.TransitionAsync(Doc, 1, VersionState.Draft, VersionState.InReview, "ann", null, CancellationToken.None));
        Assert.False(await Store.TransitionAsync(Doc, 1, VersionState.Draft, VersionState.InReview, "ann", null, CancellationToken.None));
        Assert.True(await Store.TransitionAsync(Doc, 1, VersionState.InReview, VersionState.SentBack, "olga", "Say why.", CancellationToken.None));

        var head = await Store.HeadAsync(Doc, CancellationToken.None);
        Assert.Equal((VersionState.SentBack, "Say why.", "olga"), (head!.State, head.Comment, head.ReviewedBy));
    }

    [Fact]
    public async Task A_draft_is_kept_per_editor_replaced_on_save_and_dropped_on_delete()
    {
        await Store.SaveDraftAsync(new Draft(Doc, "ann", 1, "{\"a\":1}", At), CancellationToken.None);
        await Store.SaveDraftAsync(new Draft(Doc, "ann", 2, "{\"a\":2}", At.AddSeconds(5)), CancellationToken.None);
        await Store.SaveDraftAsync(new Draft(Doc, "bob", 1, "{\"b\":1}", At), CancellationToken.None);

        Assert.Equal(new Draft(Doc, "ann", 2, "{\"a\":2}", At.AddSeconds(5)), await Store.DraftAsync(Doc, "ann", CancellationToken.None));
        await Store.DeleteDraftAsync(Doc, "ann", CancellationToken.None);
        Assert.Null(await Store.DraftAsync(Doc, "ann", CancellationToken.None));
        Assert.NotNull(await Store.DraftAsync(Doc, "bob", CancellationToken.None));
    }

    [Fact]
    public async Task Feedback_gets_an_id_and_keeps_the_answer_and_the_finding()
    {
        var first = await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle", "log", "rita", "Not how we work.", At, null, null, null), CancellationToken.None);
        var second = await Store.AddFeedbackAsync(new Feedback(0, "incident", "handle", "close", "sam", "We skip this.", At.AddHours(1), null, null, null), CancellationToken.None);

        Assert.True(await Store.AnswerFeedbackAsync(first.Id, "Agreed.", "ann", "F-007", CancellationToken.None));
        Assert.False(await Store.AnswerFeedbackAsync(first.Id + second.Id + 100, "?", "ann", null, CancellationToken.None));

        var list = await Store.FeedbackAsync("incident", CancellationToken.None);
        Assert.Equal([second.Id, first.Id], list.Select(f => f.Id));
        Assert.Equal(("Agreed.", "ann", "F-007"), (list[1].Answer, list[1].AnsweredBy, list[1].FindingId));
        Assert.Empty(await Store.FeedbackAsync("problem", CancellationToken.None));
    }

    [Fact]
    public async Task Presence_lists_who_was_seen_since_a_moment()
    {
        await Store.TouchPresenceAsync(new Presence(Doc, "ann", At), CancellationToken.None);
        await Store.TouchPresenceAsync(new Presence(Doc, "bob", At.AddSeconds(-60)), CancellationToken.None);
        await Store.TouchPresenceAsync(new Presence(Doc, "bob", At.AddSeconds(-5)), CancellationToken.None);
        await Store.TouchPresenceAsync(new Presence(Doc, "cid", At.AddSeconds(-90)), CancellationToken.None);

        var present = await Store.PresenceAsync(Doc, At.AddSeconds(-30), CancellationToken.None);

        Assert.Equal(["ann", "bob"], present.Select(p => p.User).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Several_instances_creating_the_tables_of_a_fresh_database_at_once_all_succeed()
    {
        var fresh = await CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Open(fresh).MigrateAsync(CancellationToken.None))));
        await Open(fresh).MigrateAsync(CancellationToken.None);

        var store = Open(fresh);
        Assert.NotNull(await store.AppendAsync(Doc, 0, "{}", "ann", At, "Imported", VersionState.Published, CancellationToken.None));
    }
}
