namespace Plumb.Editor.Store;

using Microsoft.Data.Sqlite;

/// <summary>Drafts, feedback and presence.</summary>
public sealed partial class SqliteEditorStore
{
    /// <inheritdoc />
    public async Task<Draft?> DraftAsync(string document, string user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT base_number, content, at FROM editor_drafts WHERE document = $d AND user_name = $u";
        command.Parameters.AddWithValue("$d", document);
        command.Parameters.AddWithValue("$u", user);
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
            INSERT INTO editor_drafts (document, user_name, base_number, content, at) VALUES ($d, $u, $b, $c, $t)
            ON CONFLICT (document, user_name) DO UPDATE SET base_number = $b, content = $c, at = $t
            """;
        command.Parameters.AddWithValue("$d", draft.Document);
        command.Parameters.AddWithValue("$u", draft.User);
        command.Parameters.AddWithValue("$b", draft.BaseNumber);
        command.Parameters.AddWithValue("$c", draft.Content);
        command.Parameters.AddWithValue("$t", Time(draft.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteDraftAsync(string document, string user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM editor_drafts WHERE document = $d AND user_name = $u";
        command.Parameters.AddWithValue("$d", document);
        command.Parameters.AddWithValue("$u", user);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Feedback> AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO editor_feedback (process, procedure, step, author, text, at) VALUES ($p, $q, $s, $a, $x, $t)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$p", feedback.Process);
        command.Parameters.AddWithValue("$q", feedback.Procedure);
        command.Parameters.AddWithValue("$s", feedback.Step);
        command.Parameters.AddWithValue("$a", feedback.Author);
        command.Parameters.AddWithValue("$x", feedback.Text);
        command.Parameters.AddWithValue("$t", Time(feedback.At));
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
            FROM editor_feedback WHERE process = $p ORDER BY id DESC
            """;
        command.Parameters.AddWithValue("$p", process);
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
            UPDATE editor_feedback SET answer = $x, answered_by = $u, finding_id = COALESCE($f, finding_id) WHERE id = $id
            """;
        command.Parameters.AddWithValue("$x", answer);
        command.Parameters.AddWithValue("$u", answeredBy);
        command.Parameters.AddWithValue("$f", (object?)findingId ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task TouchPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO editor_presence (document, user_name, seen_at) VALUES ($d, $u, $t)
            ON CONFLICT (document, user_name) DO UPDATE SET seen_at = $t
            """;
        command.Parameters.AddWithValue("$d", presence.Document);
        command.Parameters.AddWithValue("$u", presence.User);
        command.Parameters.AddWithValue("$t", Time(presence.SeenAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Presence>> PresenceAsync(string document, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, seen_at FROM editor_presence WHERE document = $d AND seen_at >= $t ORDER BY user_name";
        command.Parameters.AddWithValue("$d", document);
        command.Parameters.AddWithValue("$t", Time(since));
        var list = new List<Presence>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(new Presence(document, reader.GetString(0), ParseTime(reader.GetString(1))));
        return list;
    }

    private static string? Nullable(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
