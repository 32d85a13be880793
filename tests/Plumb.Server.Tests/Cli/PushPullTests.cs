namespace Plumb.Server.Tests.Cli;

using Plumb.Cli;
using Plumb.Handbook.Folder;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

public sealed class PushPullTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Push_then_pull_gives_back_identical_YAML_and_a_stale_or_anonymous_push_changes_nothing()
    {
        // Given a handbook folder with hand-written YAML (comments, CRLF) and a running server with an editor token
        using var work = new TempDirectory();
        var source = work.File("source");
        HandbookFolder.Save(TestHandbooks.Create(), source);
        var incidentPath = Path.Combine(source, "processes", "incident.yaml");
        File.WriteAllText(incidentPath, "# kept by the service desk\r\n" + File.ReadAllText(incidentPath).Replace("\n", "\r\n", StringComparison.Ordinal));
        await using var server = await LiveServer.StartAsync();
        var accounts = server.Services.GetRequiredService<Plumb.Server.Accounts.AccountService>();
        var user = await accounts.CreateUserAsync("ed", "correct horse battery", AccountRole.Editor, "test", CancellationToken.None);
        var (_, token) = await accounts.CreateTokenAsync(user, "cli", CancellationToken.None);

        // When it is pushed without and with the token, then pulled into a new folder
        var anonymous = await RunAsync("push", source, "--server", server.Url, "--token", "");
        var pushed = await RunAsync("push", source, "--server", server.Url, "--token", token, "-m", "First upload");
        var pulled = await RunAsync("pull", "--server", server.Url, "-o", work.File("copy"));

        // Then the anonymous push was refused, and every YAML file came back byte for byte
        Assert.Equal((2, ""), (anonymous.Code, anonymous.Out));
        Assert.Contains("401", anonymous.Error, StringComparison.Ordinal);
        Assert.Equal(0, pushed.Code);
        Assert.Contains("as version 1", pushed.Out, StringComparison.Ordinal);
        Assert.Equal(0, pulled.Code);
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains("schema", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(work.File("copy"), Path.GetRelativePath(source, file));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        }

        var again = await RunAsync("push", work.File("copy"), "--server", server.Url, "--token", token);
        Assert.Contains("Nothing to push", again.Out, StringComparison.Ordinal);
        var versions = await server.Services.GetRequiredService<IPlumbStore>().ListVersionsAsync(10, CancellationToken.None);
        Assert.Equal([("ed", "First upload")], versions.Select(v => (v.Author, v.Message)));
    }

    [Fact]
    public async Task Pull_from_a_server_that_sends_a_document_outside_the_folder_is_bad_input_and_writes_nothing()
    {
        // Given a hostile server whose answer names a path that climbs out of the handbook folder
        using var work = new TempDirectory();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var hostile = builder.Build();
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(hostile, "/api/handbook/documents", () => new
        {
            version = 1,
            documents = new[]
            {
                new { path = "handbook.yaml", content = "name: Acme\n", changedIn = 1 },
                new { path = "../escaped.yaml", content = "owned\n", changedIn = 1 },
            },
        });
        await hostile.StartAsync(TestContext.Current.CancellationToken);

        // When the handbook is pulled from it
        var result = await RunAsync("pull", "--server", hostile.Urls.First(), "-o", work.File("copy"));

        // Then it is bad input (exit 2) in one plain line, and nothing was written, inside or outside the folder
        Assert.Equal(2, result.Code);
        Assert.Contains("outside the handbook folder", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(work.File("escaped.yaml")));
        Assert.False(File.Exists(Path.Combine(work.File("copy"), "handbook.yaml")));
    }

    [Fact]
    public async Task Push_of_a_broken_handbook_names_the_file_and_line_and_sends_nothing()
    {
        using var work = new TempDirectory();
        HandbookFolder.Save(TestHandbooks.Create(), work.Path);
        File.WriteAllText(Path.Combine(work.Path, "processes", "problem.yaml"), "id: problem\nname: [broken\n");

        var result = await RunAsync("push", work.Path, "--server", "http://127.0.0.1:9", "--token", "x");

        Assert.Equal(2, result.Code);
        Assert.Contains("problem.yaml:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_makes_an_account_in_the_store_and_refuses_a_duplicate()
    {
        using var work = new TempDirectory();
        var db = work.File("plumb.db");
        var first = await RunAsync("user", "add", "Admin", "--role", "admin", "--db", db);
        var second = await RunAsync("user", "add", "admin", "--db", db);
        var token = await RunAsync("user", "token", "admin", "--db", db);

        Assert.Equal(0, first.Code);
        Assert.Contains("Created admin 'admin'", first.Out, StringComparison.Ordinal);
        Assert.Contains("Password (shown once): ", first.Out, StringComparison.Ordinal);
        Assert.Equal(2, second.Code);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
        Assert.StartsWith("plumb_", token.Out, StringComparison.Ordinal);
    }
}
