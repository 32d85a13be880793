namespace Plumb.ServiceNow.Tests.TableApi;

using System.Text;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Embed;
using Plumb.ServiceNow.TableApi;

/// <summary>Instances (or what stands in front of them) that echo credentials or send the client elsewhere.</summary>
public sealed class HostileInstanceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeTableApi _instance = null!;
    private FakeTableApi _elsewhere = null!;

    public async ValueTask InitializeAsync()
    {
        _instance = await FakeTableApi.StartAsync();
        _elsewhere = await FakeTableApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _instance.DisposeAsync();
        await _elsewhere.DisposeAsync();
        _folder.Dispose();
    }

    private static readonly string BasicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTableApi.User}:{FakeTableApi.Password}"));

    private TableApiClient Client(SnowCredentials? credentials = null) =>
        new(_instance.BaseUrl, credentials ?? SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password), TableApiClient.CreateHttpClient(),
            new RetryPolicy { MaxAttempts = 2, Delay = (_, _) => Task.CompletedTask });

    [Fact]
    public async Task An_error_that_echoes_the_basic_auth_header_is_printed_without_it()
    {
        _instance.Add("incident", 3);
        _instance.Forbidden.Add("incident");
        _instance.EchoAuthorization = true;

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([new TableQuery("incident", "ORDERBYsys_id", [], 10)], null, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(BasicToken, e.Message);
        Assert.DoesNotContain(FakeTableApi.Password, e.Message);
        Assert.Contains("ACL Exception Read not allowed on incident for request with Authorization: Basic [redacted]", e.Message);
    }

    [Fact]
    public async Task An_error_that_echoes_a_bearer_token_is_printed_without_it()
    {
        _instance.Add("sys_ui_page", 0);
        _instance.EchoAuthorization = true;
        var client = Client(SnowCredentials.OAuth(FakeTableApi.ClientId, FakeTableApi.ClientSecret));
        var records = EmbedPlan.Build(ExampleHandbook.Create("Example"), new PlainProcedureDiagram(), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var e = await Assert.ThrowsAsync<SnowException>(() => new RecordPusher(client).PushAsync(records, TestContext.Current.CancellationToken));

        Assert.DoesNotContain("token-1", e.Message);
        Assert.Contains("Bearer [redacted]", e.Message);
    }

    [Fact]
    public async Task A_push_redirected_to_another_port_sends_nothing_there_and_fails()
    {
        _instance.RedirectTo = _elsewhere.BaseUrl;
        var records = EmbedPlan.Build(ExampleHandbook.Create("Example"), new PlainProcedureDiagram(), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var e = await Assert.ThrowsAsync<SnowException>(() => new RecordPusher(Client()).PushAsync(records, TestContext.Current.CancellationToken));

        Assert.Contains($"redirected (307) to {_elsewhere.BaseUrl.GetLeftPart(UriPartial.Authority)}, which is not the instance; refusing to follow it", e.Message);
        Assert.Empty(_elsewhere.Requests);
        Assert.Single(_instance.Requests);
    }

    [Fact]
    public async Task A_pull_redirected_to_another_port_is_refused_before_any_page_is_kept()
    {
        _elsewhere.Add("incident", 5);
        _instance.RedirectTo = _elsewhere.BaseUrl;

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(Client(), _folder.Path).RunAsync([new TableQuery("incident", "ORDERBYsys_id", [], 10)], null, TestContext.Current.CancellationToken));

        Assert.Contains("which is not the instance", e.Message);
        Assert.Empty(_elsewhere.Requests);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "tables", "incident")));
    }

    [Fact]
    public async Task A_client_whose_handler_follows_redirects_itself_still_refuses_the_answer()
    {
        _elsewhere.Add("incident", 5);
        _instance.RedirectTo = _elsewhere.BaseUrl;
        var client = new TableApiClient(_instance.BaseUrl, SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password), new HttpClient(),
            new RetryPolicy { MaxAttempts = 1, Delay = (_, _) => Task.CompletedTask });

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(client, _folder.Path).RunAsync([new TableQuery("incident", "ORDERBYsys_id", [], 10)], null, TestContext.Current.CancellationToken));

        Assert.Contains("which is not the instance", e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "tables", "incident")));
    }

    [Fact]
    public async Task An_OAuth_token_request_redirected_elsewhere_sends_no_secret_there()
    {
        _instance.RedirectTo = _elsewhere.BaseUrl;
        _instance.Add("incident", 1);
        var client = Client(SnowCredentials.OAuth(FakeTableApi.ClientId, FakeTableApi.ClientSecret));

        var e = await Assert.ThrowsAsync<SnowException>(() =>
            new SnapshotPuller(client, _folder.Path).RunAsync([new TableQuery("incident", "ORDERBYsys_id", [], 10)], null, TestContext.Current.CancellationToken));

        Assert.Contains("OAuth token request with a redirect (307)", e.Message);
        Assert.Empty(_elsewhere.Requests);
        Assert.Empty(_elsewhere.TokenGrants);
    }

    [Theory]
    [InlineData("denied for Basic cGx1bWIucmVhZGVyOnMzY3JldC1wYTU1 here", "denied for Basic [redacted] here")]
    [InlineData("token Bearer abc.def-ghi_jkl was refused", "token Bearer [redacted] was refused")]
    [InlineData("user plumb.reader with password s3cret-pa55", "user plumb.reader with password [redacted]")]
    [InlineData("line one\nline two", "line one line two")]
    public void Instance_text_is_cleaned_of_secrets_and_line_breaks(string text, string expected) =>
        Assert.Equal(expected, InstanceText.Clean(text, SnowCredentials.Basic(FakeTableApi.User, FakeTableApi.Password).Secrets()));
}
