namespace Plumb.ServiceNow.Tests.TableApi;

using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Embed;
using Plumb.ServiceNow.TableApi;

public sealed class PushTests
{
    [Fact]
    public async Task Pushing_twice_inserts_then_updates_the_same_records()
    {
        await using var server = await FakeTableApi.StartAsync();
        var client = new TableApiClient(server.BaseUrl, SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password), new HttpClient());
        var records = EmbedPlan.Build(ExampleHandbook.Create("Example"), new PlainProcedureDiagram(), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var first = await new RecordPusher(client).PushAsync(records, TestContext.Current.CancellationToken);
        var second = await new RecordPusher(client).PushAsync(records, TestContext.Current.CancellationToken);

        Assert.Equal((records.Count, 0), first);
        Assert.Equal((0, records.Count), second);
        var page = Assert.Single(server.Tables["sys_ui_page"]);
        Assert.Equal("plumb_incident", page["name"]);
        Assert.StartsWith("<?xml", page["html"]);
        Assert.Equal(3, server.Tables["sys_process_flow"].Count);
    }
}
