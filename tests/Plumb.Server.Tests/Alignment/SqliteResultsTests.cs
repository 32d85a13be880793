namespace Plumb.Server.Tests.Alignment;

using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class SqliteResultsTests : ResultsContract
{
    private readonly TempDirectory _directory = new();

    protected override Task<IPlumbStore> CreateStoreAsync() => Task.FromResult<IPlumbStore>(new SqliteStore(_directory.File("plumb.db")));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
