namespace Plumb.Server.Tests.Storage;

using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

public sealed class SqliteStoreTests : StoreContract
{
    private readonly TempDirectory _directory = new();

    protected override Task<IPlumbStore> CreateStoreAsync() => Task.FromResult<IPlumbStore>(new SqliteStore(_directory.File("plumb.db")));

    protected override IPlumbStore OpenSecondInstance() => new SqliteStore(_directory.File("plumb.db"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void A_path_selects_SQLite_and_a_connection_string_or_URL_selects_PostgreSQL()
    {
        Assert.IsType<SqliteStore>(StoreFactory.Create(_directory.File("x.db")));
        Assert.True(StoreFactory.IsPostgres("Host=db;Database=plumb"));
        Assert.True(StoreFactory.IsPostgres("postgres://u:p@db:5433/plumb"));
        Assert.Equal("Host=db;Port=5433;Database=plumb;Username=u;Password=\"p w\"",
            PostgresStore.NormaliseConnectionString("postgres://u:p%20w@db:5433/plumb"));
    }
}
