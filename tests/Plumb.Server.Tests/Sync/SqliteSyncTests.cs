namespace Plumb.Server.Tests.Sync;

using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class SqliteSyncTests : SyncContract
{
    private readonly TempDirectory _directory = new();

    protected override Task<IPlumbStore> CreateStoreAsync() => Task.FromResult<IPlumbStore>(new SqliteStore(_directory.File("plumb.db")));

    protected override IPlumbStore OpenSecondInstance() => new SqliteStore(_directory.File("plumb.db"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
