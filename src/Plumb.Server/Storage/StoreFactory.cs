namespace Plumb.Server.Storage;

/// <summary>Chooses the store from what the user typed after <c>--db</c>.</summary>
public static class StoreFactory
{
    public const string DefaultDatabase = "plumb.db";

    /// <summary>A PostgreSQL connection string (<c>Host=...</c>) or URL (<c>postgres://...</c>), else a SQLite file path.</summary>
    public static IPlumbStore Create(string? database)
    {
        var text = string.IsNullOrWhiteSpace(database) ? DefaultDatabase : database.Trim();
        if (IsPostgres(text)) return new PostgresStore(PostgresStore.NormaliseConnectionString(text));
        return new SqliteStore(Path.GetFullPath(text));
    }

    public static bool IsPostgres(string text) =>
        text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
