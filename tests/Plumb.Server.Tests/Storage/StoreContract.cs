namespace Plumb.Server.Tests.Storage;

using Plumb.Server.Storage;

/// <summary>What every store must do, run against SQLite and PostgreSQL alike.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);

    protected IPlumbStore Store { get; private set; } = null!;

    protected abstract Task<IPlumbStore> CreateStoreAsync();

    /// <summary>A second store object on the same database, as a second server instance would have.</summary>
    protected abstract IPlumbStore OpenSecondInstance();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(CancellationToken.None);
    }

    public virtual ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Dictionary<string, string> Docs(params (string Path, string Content)[] documents) =>
        documents.ToDictionary(d => d.Path, d => d.Content, StringComparer.Ordinal);

    [Fact]
    public async Task An_empty_store_has_no_head_and_no_documents()
    {
        Assert.Null(await Store.GetHeadAsync(CancellationToken.None));
        Assert.Empty(await Store.GetDocumentsAsync(1, CancellationToken.None));
        Assert.Empty(await Store.ListVersionsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Migrating_again_from_another_instance_changes_nothing()
    {
        await Store.SaveVersionAsync(new NewVersion(0, Docs(("handbook.yaml", "name: A\n")), "ann", At, "first"), CancellationToken.None);
        var second = OpenSecondInstance();
        await Task.WhenAll(second.MigrateAsync(CancellationToken.None), Store.MigrateAsync(CancellationToken.None));
        Assert.Equal(1, (await second.GetHeadAsync(CancellationToken.None))!.Number);
        (second as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_saved_version_keeps_its_documents_exactly_with_author_time_and_message()
    {
        // Given text with CRLF line ends, a byte order of scripts, and trailing spaces
        var text = "name: Störung — 障害 \r\ndescription: \"a\\tb\"\r\n";
        var outcome = await Store.SaveVersionAsync(new NewVersion(0, Docs(("handbook.yaml", text), ("processes/a.yaml", "id: a\n")), "ann", At, "first"),
            CancellationToken.None);

        Assert.False(outcome.IsConflict);
        var head = await Store.GetHeadAsync(CancellationToken.None);
        Assert.Equal(new VersionInfo(1, "ann", At, "first"), head);
        var documents = await Store.GetDocumentsAsync(1, CancellationToken.None);
        Assert.Equal(["handbook.yaml", "processes/a.yaml"], documents.Select(d => d.Path));
        Assert.Equal(text, documents[0].Content);
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_and_writes_nothing()
    {
        await Store.SaveVersionAsync(new NewVersion(0, Docs(("handbook.yaml", "name: A\n")), "ann", At, "first"), CancellationToken.None);
        await Store.SaveVersionAsync(new NewVersion(1, Docs(("handbook.yaml", "name: B\n")), "bob", At, "second"), CancellationToken.None);

        var stale = await Store.SaveVersionAsync(new NewVersion(1, Docs(("handbook.yaml", "name: C\n")), "cy", At, "stale"), CancellationToken.None);

        Assert.True(stale.IsConflict);
        Assert.Equal(2, stale.Head);
        Assert.Equal("name: B\n", (await Store.GetDocumentsAsync(2, CancellationToken.None))[0].Content);
        Assert.Equal(2, (await Store.ListVersionsAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Each_document_remembers_the_version_that_last_changed_it()
    {
        await Store.SaveVersionAsync(new NewVersion(0, Docs(("handbook.yaml", "h1"), ("processes/a.yaml", "a1"), ("processes/b.yaml", "b1")), "ann", At, "1"),
            CancellationToken.None);
        await Store.SaveVersionAsync(new NewVersion(1, Docs(("handbook.yaml", "h1"), ("processes/a.yaml", "a2"), ("processes/b.yaml", "b1")), "ann", At, "2"),
            CancellationToken.None);
        await Store.SaveVersionAsync(new NewVersion(2, Docs(("handbook.yaml", "h1"), ("processes/a.yaml", "a2")), "ann", At, "3"), CancellationToken.None);

        var documents = await Store.GetDocumentsAsync(3, CancellationToken.None);
        Assert.Equal([("handbook.yaml", 1L), ("processes/a.yaml", 2L)], documents.Select(d => (d.Path, d.ChangedIn)));
        Assert.Equal(3, (await Store.GetDocumentsAsync(1, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Versions_are_listed_newest_first_within_the_limit()
    {
        for (var i = 0; i < 4; i++)
        {
            await Store.SaveVersionAsync(new NewVersion(i, Docs(("handbook.yaml", $"n{i}")), "ann", At.AddMinutes(i), $"v{i + 1}"), CancellationToken.None);
        }

        var versions = await Store.ListVersionsAsync(3, CancellationToken.None);
        Assert.Equal([4L, 3L, 2L], versions.Select(v => v.Number));
        Assert.Equal("v2", (await Store.GetVersionAsync(2, CancellationToken.None))!.Message);
        Assert.Null(await Store.GetVersionAsync(9, CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_instances_saving_on_the_same_head_exactly_one_wins()
    {
        await Store.SaveVersionAsync(new NewVersion(0, Docs(("handbook.yaml", "base")), "ann", At, "1"), CancellationToken.None);
        var second = OpenSecondInstance();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : second).SaveVersionAsync(new NewVersion(1, Docs(("handbook.yaml", $"edit {i}")), $"u{i}", At, "race"), CancellationToken.None))));

        Assert.Single(outcomes, o => !o.IsConflict);
        Assert.Equal(2, (await second.GetHeadAsync(CancellationToken.None))!.Number);
        (second as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Accounts_are_unique_by_name_and_keep_role_and_hash()
    {
        var ann = await Store.CreateUserAsync("ann", "hash-1", AccountRole.Editor, At, CancellationToken.None);
        Assert.NotNull(ann);
        Assert.Null(await Store.CreateUserAsync("ann", "hash-2", AccountRole.Admin, At, CancellationToken.None));

        Assert.True(await Store.UpdateUserAsync("ann", null, AccountRole.Owner, CancellationToken.None));
        Assert.True(await Store.UpdateUserAsync("ann", "hash-3", null, CancellationToken.None));
        Assert.False(await Store.UpdateUserAsync("nobody", "x", null, CancellationToken.None));

        var found = await Store.FindUserAsync("ann", CancellationToken.None);
        Assert.Equal(("ann", "hash-3", AccountRole.Owner, At), (found!.Name, found.PasswordHash, found.Role, found.CreatedAt));
        Assert.Single(await Store.ListUsersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_token_finds_its_account_until_it_is_revoked()
    {
        var ann = (await Store.CreateUserAsync("ann", "h", AccountRole.Editor, At, CancellationToken.None))!;
        var token = await Store.CreateTokenAsync(ann.Id, "ci", "token-hash", At, CancellationToken.None);

        Assert.Equal("ann", (await Store.FindUserByTokenAsync("token-hash", CancellationToken.None))?.Name);
        Assert.Null(await Store.FindUserByTokenAsync("other-hash", CancellationToken.None));
        Assert.False(await Store.RevokeTokenAsync(ann.Id + 1, token.Id, CancellationToken.None));
        Assert.True(await Store.RevokeTokenAsync(ann.Id, token.Id, CancellationToken.None));
        Assert.Null(await Store.FindUserByTokenAsync("token-hash", CancellationToken.None));
        Assert.True((await Store.ListTokensAsync(ann.Id, CancellationToken.None)).Single().Revoked);
    }

    [Fact]
    public async Task The_audit_trail_lists_newest_first()
    {
        await Store.AppendAuditAsync(At, "ann", "sign-in", "127.0.0.1", CancellationToken.None);
        await Store.AppendAuditAsync(At.AddSeconds(1), "ann", "save-version", "version 1", CancellationToken.None);

        var entries = await Store.ListAuditAsync(10, CancellationToken.None);
        Assert.Equal(["save-version", "sign-in"], entries.Select(e => e.Action));
        Assert.Equal(At.AddSeconds(1), entries[0].At);
    }

    [Fact]
    public async Task Protection_keys_are_shared_and_stored_once()
    {
        await Store.AddProtectionKeyAsync("key-1", "<key id=\"1\"/>", CancellationToken.None);
        await Store.AddProtectionKeyAsync("key-1", "<key id=\"1\"/>", CancellationToken.None);
        var second = OpenSecondInstance();
        Assert.Equal(["<key id=\"1\"/>"], await second.GetProtectionKeysAsync(CancellationToken.None));
        (second as IDisposable)?.Dispose();
    }
}
