namespace Plumb.Editor.Store;

using System.Data.Common;

/// <summary>Drafts, feedback and presence.</summary>
public abstract partial class SqlEditorStore
{
    /// <inheritdoc />
    public async Task<Draft?> DraftAsync(string document, string user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT base_number, content, at FROM editor_drafts WHERE document = @d AND user_name = @u";
        Add(command, "@d", document);
        Add(command, "@u", user);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Draft(document, user, reader.GetInt32(0), reader.GetString(1), ParseTime(reader.GetString(2)))
            : null;
    }

    /// <inheritdoc />
    public async Task SaveDraftAsync(Draft draft, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO editor_drafts (document, user_name, base_number, content, at) VALUES (@d, @u, @b, @c, @t)
            ON CONFLICT (document, user_name) DO UPDATE SET base_number = @b, content = @c, at = @t
            """;
        Add(command, "@d", draft.Document);
        Add(command, "@u", draft.User);
        Add(command, "@b", draft.BaseNumber);
        Add(command, "@c", draft.Content);
        Add(command, "@t", Time(draft.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteDraftAsync(string document, string user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM editor_drafts WHERE document = @d AND user_name = @u";
        Add(command, "@d", document);
        Add(command, "@u", user);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Feedback> AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO editor_feedback (process, procedure, step, author, text, at) VALUES (@p, @q, @s, @a, @x, @t)
            RETURNING id
            """;
        Add(command, "@p", feedback.Process);
        Add(command, "@q", feedback.Procedure);
        Add(command, "@s", feedback.Step);
        Add(command, "@a", feedback.Author);
        Add(command, "@x", feedback.Text);
        Add(command, "@t", Time(feedback.At));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return feedback with { Id = id };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback>> FeedbackAsync(string process, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, process, procedure, step, author, text, at, answer, answered_by, finding_id
            FROM editor_feedback WHERE process = @p ORDER BY id DESC
            """;
        Add(command, "@p", process);
        var list = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Feedback(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), ParseTime(reader.GetString(6)), Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<bool> AnswerFeedbackAsync(long id, string answer, string answeredBy, string? findingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE editor_feedback SET answer = @x, answered_by = @u, finding_id = COALESCE(CAST(@f AS TEXT), finding_id) WHERE id = @id
            """;
        Add(command, "@x", answer);
        Add(command, "@u", answeredBy);
        Add(command, "@f", (object?)findingId ?? DBNull.Value);
        Add(command, "@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task TouchPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO editor_presence (document, user_name, seen_at) VALUES (@d, @u, @t)
            ON CONFLICT (document, user_name) DO UPDATE SET seen_at = @t
            """;
        Add(command, "@d", presence.Document);
        Add(command, "@u", presence.User);
        Add(command, "@t", Time(presence.SeenAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Presence>> PresenceAsync(string document, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, seen_at FROM editor_presence WHERE document = @d AND seen_at >= @t ORDER BY user_name";
        Add(command, "@d", document);
        Add(command, "@t", Time(since));
        var list = new List<Presence>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(new Presence(document, reader.GetString(0), ParseTime(reader.GetString(1))));
        return list;
    }

    private static string? Nullable(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
