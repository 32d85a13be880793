namespace Plumb.Editor.Tests.Store;

using Microsoft.Data.Sqlite;
using Plumb.Editor.Store;

/// <summary>The editor's store contract on SQLite files, one per database the test asks for.</summary>
public sealed class SqliteEditorStoreTests : EditorStoreContract
{
    private readonly List<string> _files = [];

    protected override Task<string> CreateDatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"plumb-editor-store-{Guid.NewGuid():N}.db");
        _files.Add(file);
        return Task.FromResult(file);
    }

    protected override SqlEditorStore Open(string database) => new SqliteEditorStore($"Data Source={database};Pooling=False");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" })) File.Delete(file);
        return ValueTask.CompletedTask;
    }
}
