namespace Plumb.Editor.Store;

using System.Globalization;
using System.Data.Common;

/// <summary>
/// The editor's store in SQL that SQLite and PostgreSQL both understand; versions are append-only and keyed by
/// (document, number), so two instances appending at once cannot both win.
/// </summary>
public abstract partial class SqlEditorStore : IEditorStore
{
    private const string VersionColumns = "document, number, content, author, at, message, state, comment, reviewed_by";

    /// <summary>The tables, in this database's dialect.</summary>
    protected abstract string Schema { get; }

    /// <summary>Opens a connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True when the exception says a primary key was taken.</summary>
    protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Runs before the tables are created, outside any transaction (SQLite's journal mode cannot change inside one).</summary>
    protected virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Holds other instances off the schema until <paramref name="transaction"/> ends.</summary>
    protected abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Safe when several instances start at once: the tables are created in one transaction under a lock that every instance
    /// takes, and only when missing, so the second instance finds them made rather than racing to make them.
    /// </remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockSchemaAsync(connection, transaction, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        SingleVersionAsync("WHERE document = @d ORDER BY number DESC LIMIT 1", document, null, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentVersion?> PublishedAsync(string document, CancellationToken cancellationToken) =>
        SingleVersionAsync("WHERE document = @d AND state = 'Published' ORDER BY number DESC LIMIT 1", document, null, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentVersion?> VersionAsync(string document, int number, CancellationToken cancellationToken) =>
        SingleVersionAsync("WHERE document = @d AND number = @n", document, number, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentVersion>> HistoryAsync(string document, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VersionColumns} FROM editor_versions WHERE document = @d ORDER BY number DESC";
        Add(command, "@d", document);
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
        await using var transaction = (DbTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "SELECT COALESCE(MAX(number), 0) FROM editor_versions WHERE document = @d";
        Add(head, "@d", document);
        var current = Convert.ToInt32(await head.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (current != expectedHead) return null;
        var version = new DocumentVersion(document, current + 1, content, author, at, message, state, null, null);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO editor_versions ({VersionColumns}) VALUES (@d, @n, @c, @a, @t, @m, @s, NULL, NULL)";
        Add(insert, "@d", document);
        Add(insert, "@n", version.Number);
        Add(insert, "@c", content);
        Add(insert, "@a", author);
        Add(insert, "@t", Time(at));
        Add(insert, "@m", message);
        Add(insert, "@s", state.ToString());
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (IsUniqueViolation(e))
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
            UPDATE editor_versions SET state = @to, comment = COALESCE(CAST(@comment AS TEXT), comment), reviewed_by = @reviewer
            WHERE document = @d AND number = @n AND state = @from
            """;
        Add(command, "@to", to.ToString());
        Add(command, "@from", from.ToString());
        Add(command, "@comment", (object?)comment ?? DBNull.Value);
        Add(command, "@reviewer", reviewer);
        Add(command, "@d", document);
        Add(command, "@n", number);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<DocumentVersion?> SingleVersionAsync(string where, string document, int? number, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VersionColumns} FROM editor_versions {where}";
        Add(command, "@d", document);
        if (number is { } n) Add(command, "@n", n);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadVersion(reader) : null;
    }

    private static DocumentVersion ReadVersion(DbDataReader reader) => new(
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

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
