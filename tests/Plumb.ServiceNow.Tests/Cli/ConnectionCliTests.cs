namespace Plumb.ServiceNow.Tests.Cli;

using System.Text;
using Plumb.Cli;

public sealed class ConnectionCliTests : IDisposable
{
    private const string Password = "cli-password-nobody-sees";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return (exit, output.ToString(), error.ToString());
    }

    private string Credentials()
    {
        var file = _folder.Combine("prod.credentials");
        File.WriteAllText(file, $"user=plumb.reader\npassword={Password}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    [Fact]
    public async Task Connection_add_stores_the_password_encrypted_and_list_never_shows_it()
    {
        var db = _folder.Combine("plumb.db");
        var (exit, output, error) = await Run("connection", "add", "prod", "--instance", "https://acme.service-now.com", "--credentials", Credentials(), "--db", db);
        Assert.True(exit == 0, error);
        Assert.Contains("Added connection 'prod'", output);

        var (listed, list, _) = await Run("connection", "list", "--db", db);
        Assert.Equal(0, listed);
        Assert.Contains("prod\thttps://acme.service-now.com/\tbasic plumb.reader\tevery 60 min", list);
        Assert.DoesNotContain(Password, output + error + list);
        var bytes = Encoding.UTF8.GetBytes(Password);
        foreach (var file in Directory.GetFiles(_folder.Path, "plumb.db*")) Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(bytes));

        Assert.Equal(0, (await Run("connection", "remove", "prod", "--db", db)).Exit);
        Assert.Equal(2, (await Run("connection", "remove", "prod", "--db", db)).Exit);
    }

    [Fact]
    public async Task Connection_add_refuses_plain_http_to_an_instance_with_exit_2()
    {
        var (exit, _, error) = await Run("connection", "add", "prod", "--instance", "http://acme.service-now.com", "--credentials", Credentials(),
            "--db", _folder.Combine("plumb.db"));

        Assert.Equal(2, exit);
        Assert.Contains("plain http", error);
    }

    [Fact]
    public async Task Connection_sync_pulls_a_simulated_instance_into_the_store_then_only_the_changes()
    {
        // Given a simulated instance on loopback and a connection to it
        var handbook = Plumb.Handbook.Samples.ExampleHandbook.Create("Example");
        var instance = Plumb.ServiceNow.Simulator.SimulatedInstance.Generate(handbook, new Plumb.ServiceNow.Snapshot.GeneratorOptions { Seed = 4, TicketsPerTable = 20 });
        var feed = new Plumb.ServiceNow.Simulator.TicketFeed(instance, handbook, seed: 4);
        await using var server = await Plumb.ServiceNow.Simulator.SimulatorServer.StartAsync(instance,
            new Plumb.ServiceNow.Simulator.SimulatorOptions { User = "plumb.reader", Password = Password }, "http://127.0.0.1:0", feed,
            cancellationToken: TestContext.Current.CancellationToken);
        var db = _folder.Combine("plumb.db");
        Assert.Equal(0, (await Run("connection", "add", "sim", "--instance", server.BaseUrl.ToString(), "--credentials", Credentials(), "--schedule", "0", "--db", db)).Exit);

        // When
        var (exit, output, error) = await Run("connection", "sync", "sim", "--db", db);
        var step = feed.Advance(2, DateTime.UtcNow);
        var (again, second, _) = await Run("connection", "sync", "sim", "--db", db);

        // Then
        Assert.True(exit == 0, error);
        // A long sync says where it is on standard error: each table's pages as they are committed.
        Assert.Contains("plumb: sync sim #1: incident page 1, ", error);
        Assert.Contains($"Sync 1 of 'sim' complete: 20 record(s) and {instance.Count("sys_audit") - step.Audits:N0} audit row(s) pulled", output);
        Assert.Equal(0, again);
        // The two new tickets, and what the minute of overlap reads again of the first sync's last ones; the audit rows only once.
        Assert.StartsWith("Sync 2 of 'sim' complete: ", second);
        Assert.Contains($" record(s) and {step.Audits:N0} audit row(s) pulled; 22 records, {instance.Count("sys_audit"):N0} audit rows", second);
        Assert.Equal(2, (await Run("connection", "sync", "nothing", "--db", db)).Exit);
    }
}
