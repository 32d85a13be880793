namespace Plumb.Editor.Store;

using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>The editor's store in one SQLite file; versions are append-only and keyed by (document, number).</summary>
public sealed partial class SqliteEditorStore(string connectionString) : IEditorStore
{
    private const string VersionColumns = "document, number, content, author, at, message, state, comment, reviewed_by";

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS editor_versions (
                document TEXT NOT NULL, number INTEGER NOT NULL, content TEXT NOT NULL, author TEXT NOT NULL,
                at TEXT NOT NULL, message TEXT NOT NULL, state TEXT NOT NULL, comment TEXT, reviewed_by TEXT,
                PRIMARY KEY (document, number));
            CREATE TABLE IF NOT EXISTS editor_drafts (
                document TEXT NOT NULL, user_name TEXT NOT NULL, base_number INTEGER NOT NULL, content TEXT NOT NULL,
                at TEXT NOT NULL, PRIMARY KEY (document, user_name));
            CREATE TABLE IF NOT EXISTS editor_feedback (
                id INTEGER PRIMARY KEY AUTOINCREMENT, process TEXT NOT NULL, procedure TEXT NOT NULL, step TEXT NOT NULL,
                author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, answer TEXT, answered_by TEXT, finding_id TEXT);
            CREATE TABLE IF NOT EXISTS editor_presence (
                document TEXT NOT NULL, user_name TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (document, user_name));
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DocumentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT document FROM editor_versions ORDER BY document";
        var documents = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) documents.Add(reader.GetString(0));
        return documents;
    }

    /// <inheritdoc />
    public Task<DocumentVersion?> HeadAsync(string document, CancellationToken cancellationToken) =>
        SingleVersionAsync("WHERE document = $d ORDER BY number DESC LIMIT 1", document, null, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentVersion?> PublishedAsync(string document, CancellationToken cancellationToken) =>
        SingleVersionAsync("WHERE document = $d AND state = 'Published' ORDER BY number DESC LIMIT 1", document, null, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentVersion?> VersionAsync(string document, int number, CancellationToken cancellationToken) =>
        SingleVersionAsync("WHERE document = $d AND number = $n", document, number, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentVersion>> HistoryAsync(string document, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VersionColumns} FROM editor_versions WHERE document = $d ORDER BY number DESC";
        command.Parameters.AddWithValue("$d", document);
        var versions = new List<DocumentVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) versions.Add(ReadVersion(reader));
        return versions;
    }

    /// <inheritdoc />
    public async Task<DocumentVersion?> AppendAsync(
        string document, int expectedHead, string content, string author, DateTimeOffset at, string message, VersionState state,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "SELECT COALESCE(MAX(number), 0) FROM editor_versions WHERE document = $d";
        head.Parameters.AddWithValue("$d", document);
        var current = Convert.ToInt32(await head.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (current != expectedHead) return null;
        var version = new DocumentVersion(document, current + 1, content, author, at, message, state, null, null);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO editor_versions ({VersionColumns}) VALUES ($d, $n, $c, $a, $t, $m, $s, NULL, NULL)";
        insert.Parameters.AddWithValue("$d", document);
        insert.Parameters.AddWithValue("$n", version.Number);
        insert.Parameters.AddWithValue("$c", content);
        insert.Parameters.AddWithValue("$a", author);
        insert.Parameters.AddWithValue("$t", Time(at));
        insert.Parameters.AddWithValue("$m", message);
        insert.Parameters.AddWithValue("$s", state.ToString());
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            return null; // another instance appended the same number first
        }

        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    /// <inheritdoc />
    public async Task<bool> TransitionAsync(
        string document, int number, VersionState from, VersionState to, string reviewer, string? comment,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE editor_versions SET state = $to, comment = COALESCE($comment, comment), reviewed_by = $reviewer
            WHERE document = $d AND number = $n AND state = $from
            """;
        command.Parameters.AddWithValue("$to", to.ToString());
        command.Parameters.AddWithValue("$from", from.ToString());
        command.Parameters.AddWithValue("$comment", (object?)comment ?? DBNull.Value);
        command.Parameters.AddWithValue("$reviewer", reviewer);
        command.Parameters.AddWithValue("$d", document);
        command.Parameters.AddWithValue("$n", number);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<DocumentVersion?> SingleVersionAsync(string where, string document, int? number, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VersionColumns} FROM editor_versions {where}";
        command.Parameters.AddWithValue("$d", document);
        if (number is { } n) command.Parameters.AddWithValue("$n", n);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadVersion(reader) : null;
    }

    private static DocumentVersion ReadVersion(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        ParseTime(reader.GetString(4)),
        reader.GetString(5),
        Enum.Parse<VersionState>(reader.GetString(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
