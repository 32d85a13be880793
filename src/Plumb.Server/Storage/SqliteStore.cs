namespace Plumb.Server.Storage;

using System.Data.Common;
using Microsoft.Data.Sqlite;

/// <summary>The embedded default: one SQLite file, in WAL mode so readers never wait for a writer.</summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string _connectionString;

    public SqliteStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Description => $"SQLite {Path}";

    protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE versions (number INTEGER PRIMARY KEY, author TEXT NOT NULL, at_ms INTEGER NOT NULL, message TEXT NOT NULL);
        CREATE TABLE blobs (hash TEXT PRIMARY KEY, content TEXT NOT NULL);
        CREATE TABLE version_documents (version INTEGER NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL, changed_in INTEGER NOT NULL,
            PRIMARY KEY (version, path));
        CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
            role TEXT NOT NULL, created_ms INTEGER NOT NULL);
        CREATE TABLE api_tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users (id), name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE, created_ms INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            detail TEXT NOT NULL);
        CREATE TABLE protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL);
        """,
        // 2: the editor's proposals, drafts, feedback and presence, in the same store as the versions they become.
        """
        CREATE TABLE proposals (id INTEGER PRIMARY KEY AUTOINCREMENT, author TEXT NOT NULL, state TEXT NOT NULL, base_version INTEGER NOT NULL,
            title TEXT NOT NULL, reviewer TEXT, comment TEXT, conflicts TEXT, merged_as INTEGER, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
        CREATE TABLE proposal_documents (proposal_id INTEGER NOT NULL REFERENCES proposals (id), path TEXT NOT NULL, content TEXT,
            PRIMARY KEY (proposal_id, path));
        CREATE INDEX proposal_documents_path ON proposal_documents (path);
        CREATE TABLE proposal_events (id INTEGER PRIMARY KEY AUTOINCREMENT, proposal_id INTEGER NOT NULL REFERENCES proposals (id),
            at_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, comment TEXT);
        CREATE TABLE drafts (path TEXT NOT NULL, user_name TEXT NOT NULL, base_version INTEGER NOT NULL, content TEXT NOT NULL, at_ms INTEGER NOT NULL,
            PRIMARY KEY (path, user_name));
        CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, process TEXT NOT NULL, procedure TEXT NOT NULL, step TEXT NOT NULL,
            author TEXT NOT NULL, text TEXT NOT NULL, at_ms INTEGER NOT NULL, answer TEXT, answered_by TEXT, finding_id TEXT);
        CREATE TABLE presence (path TEXT NOT NULL, user_name TEXT NOT NULL, seen_ms INTEGER NOT NULL, PRIMARY KEY (path, user_name));
        """,
        // 3: ServiceNow connections; the password and client secret only as protected by the key ring kept in this store.
        """
        CREATE TABLE snow_connections (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, instance_url TEXT NOT NULL, auth TEXT NOT NULL,
            user_name TEXT, client_id TEXT, secret TEXT NOT NULL, schedule_minutes INTEGER NOT NULL, created_ms INTEGER NOT NULL, created_by TEXT NOT NULL);
        """,
        // 4: sign-in sessions, checked on every request so that sign-out, demotion and password changes end them.
        """
        CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), created_ms INTEGER NOT NULL);
        CREATE INDEX sessions_user ON sessions (user_id);
        """,
        // 5: synced ticket history, compactly (strings interned per connection, times as ticks), and the sync runs that wrote it.
        """
        CREATE TABLE sync_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, connection_id INTEGER NOT NULL, number INTEGER NOT NULL, state TEXT NOT NULL,
            started_ms INTEGER NOT NULL, finished_ms INTEGER, since TEXT, watermark TEXT, records_added INTEGER NOT NULL, audit_added INTEGER NOT NULL,
            records INTEGER NOT NULL, audit_rows INTEGER NOT NULL, events INTEGER NOT NULL, error TEXT, cursor TEXT NOT NULL, configuration BLOB,
            UNIQUE (connection_id, number));
        CREATE TABLE sync_leases (connection_id INTEGER PRIMARY KEY, holder TEXT NOT NULL, expires_ms INTEGER NOT NULL);
        CREATE TABLE snow_strings (connection_id INTEGER NOT NULL, id INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (connection_id, id)) WITHOUT ROWID;
        CREATE TABLE snow_records (connection_id INTEGER NOT NULL, sys_id INTEGER NOT NULL, sync_number INTEGER NOT NULL, tbl INTEGER NOT NULL,
            updated INTEGER, created INTEGER, opened INTEGER, resolved INTEGER, closed INTEGER, fields BLOB NOT NULL,
            PRIMARY KEY (connection_id, sys_id, sync_number)) WITHOUT ROWID;
        CREATE TABLE snow_audit (connection_id INTEGER NOT NULL, sys_id BLOB NOT NULL, sync_number INTEGER NOT NULL, document INTEGER NOT NULL,
            tbl INTEGER NOT NULL, field INTEGER NOT NULL, old_value INTEGER NOT NULL, new_value INTEGER NOT NULL, at INTEGER NOT NULL, user_id INTEGER NOT NULL,
            PRIMARY KEY (connection_id, sys_id)) WITHOUT ROWID;
        """,
        // 6: uploaded ticket exports (compressed, with the options they are read with), results per process and procedure keyed by the
        // handbook version and source revision they came from, KPI values per period (kept, so trends grow), and the news of what turned red.
        """
        CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, revision INTEGER NOT NULL, file_name TEXT NOT NULL, format TEXT NOT NULL,
            options TEXT NOT NULL, content BLOB NOT NULL, bytes INTEGER NOT NULL, records INTEGER NOT NULL, events INTEGER NOT NULL, at_ms INTEGER NOT NULL,
            uploaded_by TEXT NOT NULL, UNIQUE (source, revision));
        CREATE TABLE results (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, kind TEXT NOT NULL, process TEXT NOT NULL, procedure TEXT NOT NULL,
            handbook_version INTEGER NOT NULL, revision INTEGER NOT NULL, at_ms INTEGER NOT NULL, data_title TEXT NOT NULL, data_at_ms INTEGER NOT NULL,
            records INTEGER NOT NULL, events INTEGER NOT NULL, figures TEXT, report BLOB, error TEXT,
            UNIQUE (source, kind, process, procedure, handbook_version, revision));
        CREATE TABLE kpi_values (source TEXT NOT NULL, process TEXT NOT NULL, kpi TEXT NOT NULL, period TEXT NOT NULL, value REAL, cases INTEGER NOT NULL,
            status TEXT, handbook_version INTEGER NOT NULL, revision INTEGER NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (source, process, kpi, period));
        CREATE TABLE result_news (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, source TEXT NOT NULL, process TEXT NOT NULL, kind TEXT NOT NULL,
            subject TEXT NOT NULL, title TEXT NOT NULL, detail TEXT NOT NULL, handbook_version INTEGER NOT NULL, revision INTEGER NOT NULL);
        """,
        // 7: what every page request asks: the answers on one step's page, the proposals in review for the owners' header.
        """
        CREATE INDEX feedback_step ON feedback (process, procedure, step);
        CREATE INDEX proposals_state ON proposals (state);
        """,
    ];

    protected override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @n";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers go on while one writer holds the lock; the mode sticks to the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", [], cancellationToken);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    protected override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already holds the only write lock.

    protected override int RowsPerInsert => 1;

    protected override bool IsUniqueViolation(DbException exception) =>
        // Only a taken key (SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE): any other failed constraint or trigger is an error, not a race.
        exception is SqliteException { SqliteExtendedErrorCode: 1555 or 2067 };
}
