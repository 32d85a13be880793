namespace Plumb.ServiceNow.Tests.Cli;

using System.Text.Json;
using Plumb.Cli;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Tests.TableApi;

public sealed class SnowCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public SnowCliTests() => HandbookFolder.Save(ExampleHandbook.Create("Example"), _folder.Combine("hb"));

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Drift_exits_1_and_names_each_injected_difference_with_its_line()
    {
        var (generated, _, _) = await Run("snow", "generate", "--handbook", _folder.Combine("hb"), "-o", _folder.Combine("snap"),
            "--drift", "missing-state,extra-group", "--drift", "sla", "--tickets", "3");
        Assert.Equal(0, generated);

        var (exit, output, error) = await Run("drift", "--handbook", _folder.Combine("hb"), "--snapshot", _folder.Combine("snap"), "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["state-missing", "group-unclaimed", "sla-target-differs"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.True(items[0].GetProperty("line").GetInt32() > 1);
        Assert.Equal("processes/incident.yaml", items[2].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Drift_exits_0_when_the_instance_agrees_and_writes_markdown()
    {
        await Run("snow", "generate", "--handbook", _folder.Combine("hb"), "-o", _folder.Combine("snap"), "--tickets", "2");

        var (exit, output, _) = await Run("drift", "--handbook", _folder.Combine("hb"), "--snapshot", _folder.Combine("snap"), "--format", "md");

        Assert.Equal(0, exit);
        Assert.StartsWith("# Configuration drift", output);
        Assert.Contains("No drift: the handbook and the instance agree.", output);
    }

    [Fact]
    public async Task Drift_exits_2_on_a_broken_snapshot_page_naming_file_and_line()
    {
        await Run("snow", "generate", "--handbook", _folder.Combine("hb"), "-o", _folder.Combine("snap"), "--tickets", "0");
        File.WriteAllText(_folder.Combine("snap", "tables", "sys_choice", "page-000000.json"), "{\"result\":[\n{\"name\":");

        var (exit, output, error) = await Run("drift", "--handbook", _folder.Combine("hb"), "--snapshot", _folder.Combine("snap"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(Path.Combine(_folder.Combine("snap"), "tables/sys_choice/page-000000.json:2: not valid JSON"), error.Trim());
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Embed_writes_an_update_set_file()
    {
        var (exit, output, _) = await Run("snow", "embed", "--handbook", _folder.Combine("hb"), "-o", _folder.Combine("plumb.xml"));

        Assert.Equal(0, exit);
        Assert.Contains("1 UI page(s), 1 knowledge article(s), 3 process-flow stage(s)", output);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><unload unload_date=", File.ReadAllText(_folder.Combine("plumb.xml")));
    }

    [Fact]
    public async Task Pull_reads_a_private_credentials_file_and_writes_a_snapshot_drift_can_read()
    {
        await using var server = await FakeTableApi.StartAsync();
        foreach (var q in Plumb.ServiceNow.TableApi.PullPlan.Create(null, 50)) server.Add(q.Table, 0);
        server.Add("sys_user_group", 2, i => new() { ["sys_id"] = $"g{i}", ["name"] = i == 0 ? "Service Desk" : "Incident Management", ["active"] = "true" });
        server.Add("incident", 120);
        var credentials = _folder.Combine("snow.credentials");
        File.WriteAllText(credentials, $"user={FakeTableApi.User}\npassword={FakeTableApi.Password}\n");
        CredentialsTests.Chmod(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exit, output, error) = await Run("snow", "pull", "--instance", server.BaseUrl.ToString(), "--credentials", credentials,
            "-o", _folder.Combine("pulled"), "--page-size", "50");

        Assert.Equal(0, exit);
        Assert.Contains("incident: 120 of 120 record(s), page 3, done", error);
        Assert.Matches(@"incident\s+120 record\(s\) in 3 page\(s\)", output);
        Assert.DoesNotContain(FakeTableApi.Password, output + error);
        var (drift, report, _) = await Run("drift", "--handbook", _folder.Combine("hb"), "--snapshot", _folder.Combine("pulled"));
        Assert.Equal(0, drift);
        Assert.Contains("note: the snapshot has no sys_choice or sys_dictionary rows", report);
    }

    [Fact]
    public async Task Push_to_an_instance_that_redirects_elsewhere_exits_2_having_sent_nothing_there()
    {
        await using var server = await FakeTableApi.StartAsync();
        await using var elsewhere = await FakeTableApi.StartAsync();
        server.RedirectTo = elsewhere.BaseUrl;

        var (exit, output, error) = await Run("snow", "push", "--handbook", _folder.Combine("hb"), "--instance", server.BaseUrl.ToString(),
            "--credentials", Credentials());

        Assert.Equal(2, exit);
        Assert.DoesNotContain("Pushed", output);
        Assert.Contains("which is not the instance; refusing to follow it", error);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Pull_from_an_instance_that_echoes_the_authorization_header_never_prints_the_credentials()
    {
        await using var server = await FakeTableApi.StartAsync();
        foreach (var q in Plumb.ServiceNow.TableApi.PullPlan.Create(null, 50)) server.Add(q.Table, 0);
        server.Forbidden.Add("incident");
        server.EchoAuthorization = true;

        var (exit, _, error) = await Run("snow", "pull", "--instance", server.BaseUrl.ToString(), "--credentials", Credentials(),
            "-o", _folder.Combine("pulled"));

        Assert.Equal(2, exit);
        Assert.Contains("Authorization: Basic [redacted]", error);
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{FakeTableApi.User}:{FakeTableApi.Password}"));
        Assert.DoesNotContain(token, error);
        Assert.DoesNotContain(FakeTableApi.Password, error);
    }

    [Fact]
    public async Task Pull_past_a_refused_configuration_table_exits_0_and_says_what_was_refused()
    {
        await using var server = await FakeTableApi.StartAsync();
        foreach (var q in Plumb.ServiceNow.TableApi.PullPlan.Create(null, 50)) server.Add(q.Table, 0);
        server.Forbidden.Add("sys_dictionary");

        var (exit, output, error) = await Run("snow", "pull", "--instance", server.BaseUrl.ToString(), "--credentials", Credentials(),
            "-o", _folder.Combine("pulled"), "--config-only");

        Assert.Equal(0, exit);
        Assert.Contains("sys_dictionary: refused (403 Forbidden; read access usually comes with role personalize_dictionary); continuing without it", error);
        Assert.Matches(@"sys_dictionary\s+refused \(403\); read access usually comes with role personalize_dictionary", output);
        var (drift, report, _) = await Run("drift", "--handbook", _folder.Combine("hb"), "--snapshot", _folder.Combine("pulled"));
        Assert.Equal(0, drift);
        Assert.Contains("sys_dictionary was refused to the pull (403; read access usually comes with role personalize_dictionary)", report);
    }

    private string Credentials()
    {
        var credentials = _folder.Combine("snow.credentials");
        File.WriteAllText(credentials, $"user={FakeTableApi.User}\npassword={FakeTableApi.Password}\n");
        CredentialsTests.Chmod(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return credentials;
    }

    [Fact]
    public async Task Pull_refuses_plain_http_to_another_host_in_one_line()
    {
        var (exit, _, error) = await Run("snow", "pull", "--instance", "http://acme.service-now.com", "-o", _folder.Combine("x"));

        Assert.Equal(2, exit);
        Assert.Equal("plumb: --instance 'http://acme.service-now.com' uses plain http; credentials would travel unencrypted, so use https (http is only accepted on loopback)",
            error.Trim());
    }

    [Fact]
    public async Task Snow_commands_have_help()
    {
        var (exit, output, _) = await Run("snow", "pull", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--instance", output);
        Assert.Contains("--since", output);
    }
}
