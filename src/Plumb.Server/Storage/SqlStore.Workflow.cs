namespace Plumb.Server.Storage;

using System.Data.Common;

/// <summary>Proposals and their review, drafts, reader feedback and presence: the editor's data, in the server's own tables.</summary>
public abstract partial class SqlStore
{
    private const string ProposalColumns =
        "id, author, state, base_version, title, reviewer, comment, conflicts, merged_as, created_ms, updated_ms";

    /// <summary>A query that counts the tables named @n in the current schema.</summary>
    protected abstract string TableExistsSql { get; }

    public async Task<Proposal> CreateProposalAsync(string author, long baseVersion, string title, IReadOnlyList<ProposedDocument> documents,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var id = await ScalarAsync<long>(connection, transaction, """
            INSERT INTO proposals (author, state, base_version, title, created_ms, updated_ms) VALUES (@a, @s, @b, @t, @m, @m) RETURNING id
            """, [("@a", author), ("@s", StateWord(ProposalState.Draft)), ("@b", baseVersion), ("@t", title), ("@m", at.ToUnixTimeMilliseconds())],
            cancellationToken);
        await WriteDocumentsAsync(connection, transaction, id, documents, cancellationToken);
        await AddEventAsync(connection, transaction, id, at, author, "created", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetProposalAsync(id, cancellationToken))!;
    }

    public async Task<bool> UpdateProposalAsync(long id, long baseVersion, string title, IReadOnlyList<ProposedDocument> documents, string actor,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var changed = await ExecuteAsync(connection, transaction, """
            UPDATE proposals SET state = @s, base_version = @b, title = @t, conflicts = NULL, updated_ms = @m WHERE id = @id AND state <> @approved
            """, [("@s", StateWord(ProposalState.Draft)), ("@b", baseVersion), ("@t", title), ("@m", at.ToUnixTimeMilliseconds()), ("@id", id),
                ("@approved", StateWord(ProposalState.Approved))], cancellationToken);
        if (changed == 0) return false;
        await ExecuteAsync(connection, transaction, "DELETE FROM proposal_documents WHERE proposal_id = @id", [("@id", id)], cancellationToken);
        await WriteDocumentsAsync(connection, transaction, id, documents, cancellationToken);
        await AddEventAsync(connection, transaction, id, at, actor, "saved", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> TransitionProposalAsync(long id, IReadOnlyList<ProposalState> from, ProposalState to, string actor, string? comment,
        string? conflicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var states = from.Select((s, i) => ($"@f{i}", (object?)StateWord(s))).ToList();
        var reviewing = to is ProposalState.SentBack or ProposalState.Approved;
        var changed = await ExecuteAsync(connection, transaction, $"""
            UPDATE proposals SET state = @to, updated_ms = @m, conflicts = @c,
                reviewer = {(reviewing ? "@r" : "reviewer")}, comment = {(reviewing ? "@k" : "comment")}
            WHERE id = @id AND state IN ({string.Join(", ", states.Select(s => s.Item1))})
            """, [("@to", StateWord(to)), ("@m", at.ToUnixTimeMilliseconds()), ("@c", conflicts), ("@id", id), .. states,
                .. (reviewing ? (IEnumerable<(string, object?)>)[("@r", actor), ("@k", comment)] : [])], cancellationToken);
        if (changed == 0) return false;
        await AddEventAsync(connection, transaction, id, at, actor, StateWord(to), comment, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<Proposal?> GetProposalAsync(long id, CancellationToken cancellationToken)
    {
        var list = await ProposalsAsync("WHERE id = @id", [("@id", id)], cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<Proposal>> ListProposalsAsync(string? path, bool openOnly, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (path is not null)
        {
            where.Add("id IN (SELECT proposal_id FROM proposal_documents WHERE path = @p)");
            parameters.Add(("@p", path));
        }

        if (openOnly)
        {
            where.Add("state <> @approved");
            parameters.Add(("@approved", StateWord(ProposalState.Approved)));
        }

        return ProposalsAsync(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), parameters, cancellationToken);
    }

    public async Task<int> CountProposalsAsync(IReadOnlyCollection<ProposalState> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return 0;
        var names = states.Select((_, i) => $"@s{i}").ToList();
        var counts = await QueryAsync($"SELECT COUNT(*) FROM proposals WHERE state IN ({string.Join(", ", names)})",
            [.. states.Select((state, i) => (names[i], (object?)StateWord(state)))], r => r.GetInt64(0), cancellationToken);
        return (int)counts[0];
    }

    public Task<IReadOnlyList<ProposalEvent>> ListProposalEventsAsync(long id, CancellationToken cancellationToken) =>
        QueryAsync("SELECT proposal_id, at_ms, actor, action, comment FROM proposal_events WHERE proposal_id = @id ORDER BY id", [("@id", id)],
            r => new ProposalEvent(r.GetInt64(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);

    public Task<IReadOnlyList<VersionInfo>> ListDocumentVersionsAsync(string path, CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT number, author, at_ms, message FROM versions
            WHERE number IN (SELECT DISTINCT changed_in FROM version_documents WHERE path = @p) ORDER BY number DESC
            """, [("@p", path)], ReadVersion, cancellationToken);

    public async Task<Draft?> GetDraftAsync(string path, string user, CancellationToken cancellationToken)
    {
        var list = await QueryAsync("SELECT base_version, content, at_ms FROM drafts WHERE path = @p AND user_name = @u", [("@p", path), ("@u", user)],
            r => new Draft(path, user, r.GetInt64(0), r.GetString(1), FromMs(r.GetInt64(2))), cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    public Task SaveDraftAsync(Draft draft, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO drafts (path, user_name, base_version, content, at_ms) VALUES (@p, @u, @b, @c, @t)
            ON CONFLICT (path, user_name) DO UPDATE SET base_version = @b, content = @c, at_ms = @t
            """, [("@p", draft.Path), ("@u", draft.User), ("@b", draft.BaseVersion), ("@c", draft.Content), ("@t", draft.At.ToUnixTimeMilliseconds())],
            cancellationToken);

    public async Task<bool> ReplaceDraftAsync(Draft draft, string? expected, CancellationToken cancellationToken)
    {
        List<(string Name, object? Value)> parameters =
            [("@p", draft.Path), ("@u", draft.User), ("@b", draft.BaseVersion), ("@c", draft.Content), ("@t", draft.At.ToUnixTimeMilliseconds())];
        if (expected is null)
        {
            return await ExecuteAsync("""
                INSERT INTO drafts (path, user_name, base_version, content, at_ms) VALUES (@p, @u, @b, @c, @t) ON CONFLICT (path, user_name) DO NOTHING
                """, parameters, cancellationToken) == 1;
        }

        parameters.Add(("@e", expected));
        return await ExecuteAsync("""
            UPDATE drafts SET base_version = @b, content = @c, at_ms = @t WHERE path = @p AND user_name = @u AND content = @e
            """, parameters, cancellationToken) == 1;
    }

    public Task DeleteDraftAsync(string path, string user, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM drafts WHERE path = @p AND user_name = @u", [("@p", path), ("@u", user)], cancellationToken);

    public async Task<Feedback> AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var id = await ScalarAsync<long>(connection, null, """
            INSERT INTO feedback (process, procedure, step, author, text, at_ms) VALUES (@p, @q, @s, @a, @x, @t) RETURNING id
            """, [("@p", feedback.Process), ("@q", feedback.Procedure), ("@s", feedback.Step), ("@a", feedback.Author), ("@x", feedback.Text),
                ("@t", feedback.At.ToUnixTimeMilliseconds())], cancellationToken);
        return feedback with { Id = id };
    }

    public Task<IReadOnlyList<Feedback>> ListFeedbackAsync(string process, CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT id, process, procedure, step, author, text, at_ms, answer, answered_by, finding_id FROM feedback WHERE process = @p ORDER BY id DESC
            """, [("@p", process)], ReadFeedback, cancellationToken);

    private static Feedback ReadFeedback(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        FromMs(r.GetInt64(6)), Text(r, 7), Text(r, 8), Text(r, 9));

    public Task<IReadOnlyList<Feedback>> ListAnswersAsync(string process, string procedure, string step, CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT id, process, procedure, step, author, text, at_ms, answer, answered_by, finding_id FROM feedback
            WHERE process = @p AND procedure = @r AND step = @s AND answer IS NOT NULL ORDER BY id
            """, [("@p", process), ("@r", procedure), ("@s", step)], ReadFeedback, cancellationToken);

    public async Task<bool> AnswerFeedbackAsync(long id, string answer, string answeredBy, string? findingId, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE feedback SET answer = @x, answered_by = @u, finding_id = COALESCE(CAST(@f AS TEXT), finding_id) WHERE id = @id
            """, [("@x", answer), ("@u", answeredBy), ("@f", findingId), ("@id", id)], cancellationToken) == 1;

    public Task TouchPresenceAsync(Presence presence, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO presence (path, user_name, seen_ms) VALUES (@p, @u, @t) ON CONFLICT (path, user_name) DO UPDATE SET seen_ms = @t
            """, [("@p", presence.Path), ("@u", presence.User), ("@t", presence.SeenAt.ToUnixTimeMilliseconds())], cancellationToken);

    public Task<IReadOnlyList<Presence>> ListPresenceAsync(string path, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync("SELECT user_name, seen_ms FROM presence WHERE path = @p AND seen_ms >= @t ORDER BY user_name",
            [("@p", path), ("@t", since.ToUnixTimeMilliseconds())], r => new Presence(path, r.GetString(0), FromMs(r.GetInt64(1))), cancellationToken);

    /// <summary>
    /// Reads the tables the editor kept on its own before (editor_versions, editor_drafts, editor_feedback) and renames them
    /// to <c>*_imported</c> in the same transaction, so exactly one instance imports them, once; nothing is deleted.
    /// Null when there is nothing to import.
    /// </summary>
    public async Task<LegacyEditorData?> TakeLegacyEditorDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockMigrationsAsync(connection, transaction, cancellationToken);
        if (await ScalarAsync<long>(connection, transaction, TableExistsSql, [("@n", "editor_versions")], cancellationToken) == 0) return null;
        var versions = await ReadAsync(connection, transaction,
            "SELECT document, number, content, author, at, message, state, comment, reviewed_by FROM editor_versions ORDER BY document, number",
            r => new LegacyEditorVersion(r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2),
                r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Text(r, 7), Text(r, 8)), cancellationToken);
        var drafts = new List<LegacyEditorDraft>();
        var feedback = new List<Feedback>();
        var renames = new List<string> { "editor_versions" };
        if (await ScalarAsync<long>(connection, transaction, TableExistsSql, [("@n", "editor_drafts")], cancellationToken) > 0)
        {
            drafts.AddRange(await ReadAsync(connection, transaction, "SELECT document, user_name, base_number, content, at FROM editor_drafts",
                r => new LegacyEditorDraft(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    r.GetString(3), r.GetString(4)), cancellationToken));
            renames.Add("editor_drafts");
        }

        if (await ScalarAsync<long>(connection, transaction, TableExistsSql, [("@n", "editor_feedback")], cancellationToken) > 0)
        {
            feedback.AddRange(await ReadAsync(connection, transaction,
                "SELECT id, process, procedure, step, author, text, at, answer, answered_by, finding_id FROM editor_feedback ORDER BY id",
                r => new Feedback(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    DateTimeOffset.Parse(r.GetString(6), System.Globalization.CultureInfo.InvariantCulture), Text(r, 7), Text(r, 8), Text(r, 9)),
                cancellationToken));
            renames.Add("editor_feedback");
        }

        if (await ScalarAsync<long>(connection, transaction, TableExistsSql, [("@n", "editor_presence")], cancellationToken) > 0) renames.Add("editor_presence");
        foreach (var table in renames) await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} RENAME TO {table}_imported", [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LegacyEditorData(versions, drafts, feedback);
    }

    public static string StateWord(ProposalState state) => state switch
    {
        ProposalState.InReview => "in-review",
        ProposalState.SentBack => "sent-back",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static ProposalState ParseState(string word) => word switch
    {
        "in-review" => ProposalState.InReview,
        "sent-back" => ProposalState.SentBack,
        "approved" => ProposalState.Approved,
        "stale" => ProposalState.Stale,
        _ => ProposalState.Draft,
    };

    // Inside the transaction that saves version `number`: the proposal becomes approved only if it is still waiting for review.
    private async Task<bool> ApproveInAsync(DbConnection connection, DbTransaction transaction, long proposal, long number, NewVersion version,
        CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(connection, transaction, """
            UPDATE proposals SET state = @approved, merged_as = @n, reviewer = @r, comment = @k, conflicts = NULL, updated_ms = @t
            WHERE id = @id AND state IN (@review, @stale)
            """, [("@approved", StateWord(ProposalState.Approved)), ("@n", number), ("@r", version.Reviewer ?? version.Author), ("@k", version.Comment),
                ("@t", version.At.ToUnixTimeMilliseconds()), ("@id", proposal), ("@review", StateWord(ProposalState.InReview)),
                ("@stale", StateWord(ProposalState.Stale))], cancellationToken);
        if (changed == 0) return false;
        await AddEventAsync(connection, transaction, proposal, version.At, version.Reviewer ?? version.Author, $"approved as version {number}",
            version.Comment, cancellationToken);
        return true;
    }

    private static async Task MarkStaleAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> changed, long? except,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (changed.Count == 0) return;
        var paths = changed.Select((p, i) => ($"@p{i}", (object?)p)).ToList();
        await ExecuteAsync(connection, transaction, $"""
            UPDATE proposals SET state = @stale, updated_ms = @t
            WHERE state = @review AND id <> @except
              AND id IN (SELECT proposal_id FROM proposal_documents WHERE path IN ({string.Join(", ", paths.Select(p => p.Item1))}))
            """, [("@stale", StateWord(ProposalState.Stale)), ("@review", StateWord(ProposalState.InReview)), ("@except", except ?? 0L),
                ("@t", at.ToUnixTimeMilliseconds()), .. paths], cancellationToken);
    }

    private static async Task WriteDocumentsAsync(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<ProposedDocument> documents,
        CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO proposal_documents (proposal_id, path, content) VALUES (@id, @p, @c)",
                [("@id", id), ("@p", document.Path), ("@c", document.Content)], cancellationToken);
        }
    }

    private static Task AddEventAsync(DbConnection connection, DbTransaction transaction, long id, DateTimeOffset at, string actor, string action,
        string? comment, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO proposal_events (proposal_id, at_ms, actor, action, comment) VALUES (@id, @t, @a, @c, @k)",
            [("@id", id), ("@t", at.ToUnixTimeMilliseconds()), ("@a", actor), ("@c", action), ("@k", comment)], cancellationToken);

    private async Task<IReadOnlyList<Proposal>> ProposalsAsync(string where, IReadOnlyList<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await ReadAsync(connection, null, $"SELECT {ProposalColumns} FROM proposals {where} ORDER BY id", parameters,
            r => new Proposal(r.GetInt64(0), r.GetString(1), ParseState(r.GetString(2)), r.GetInt64(3), r.GetString(4), Text(r, 5), Text(r, 6),
                Text(r, 7), r.IsDBNull(8) ? null : r.GetInt64(8), FromMs(r.GetInt64(9)), FromMs(r.GetInt64(10)), []), cancellationToken);
        if (rows.Count == 0) return rows;
        var ids = rows.Select((p, i) => ($"@i{i}", (object?)p.Id)).ToList();
        var documents = await ReadAsync(connection, null,
            $"SELECT proposal_id, path, content FROM proposal_documents WHERE proposal_id IN ({string.Join(", ", ids.Select(i => i.Item1))}) ORDER BY path",
            ids, r => (Id: r.GetInt64(0), Document: new ProposedDocument(r.GetString(1), Text(r, 2))), cancellationToken);
        var byId = documents.ToLookup(d => d.Id, d => d.Document);
        return [.. rows.Select(p => p with { Documents = [.. byId[p.Id]] })];
    }

    private static Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read,
        CancellationToken cancellationToken) => ReadAsync(connection, transaction, sql, [], read, cancellationToken);

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, string sql,
        IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(read(reader));
        return list;
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
