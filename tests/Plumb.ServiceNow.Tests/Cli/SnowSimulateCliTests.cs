namespace Plumb.ServiceNow.Tests.Cli;

using System.Text.RegularExpressions;
using Plumb.Cli;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Samples;

public sealed partial class SnowSimulateCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public SnowSimulateCliTests() => HandbookFolder.Save(ExampleHandbook.Create("Example"), _folder.Combine("hb"));

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Simulate_writes_credentials_that_snow_pull_signs_in_with_and_stops_on_cancel()
    {
        var credentials = _folder.Combine("sim.credentials");
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new CliContext(TextWriter.Synchronized(output), TextWriter.Synchronized(error)) { CancellationToken = stop.Token };
        var simulator = PlumbCli.RunAsync(["snow", "simulate", "--handbook", _folder.Combine("hb"), "--urls", "http://127.0.0.1:0",
            "--credentials", credentials, "--tickets", "6", "--rate-limit", "1000"], context);

        Uri? url = null;
        for (var i = 0; i < 200 && url is null && !simulator.IsCompleted; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            if (ServingAt().Match(output.ToString()) is { Success: true } m) url = new Uri(m.Groups[1].Value);
        }

        Assert.True(url is not null, $"the simulator did not start: {output}{error}");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
        var (exit, pulled, pullError) = await Run("snow", "pull", "--instance", url.ToString(), "--credentials", credentials, "-o", _folder.Combine("snap"));
        Assert.True(exit == 0, pullError);
        Assert.Matches(@"incident\s+6 record\(s\)", pulled);
        Assert.DoesNotContain(File.ReadAllLines(credentials).First(l => l.StartsWith("password=", StringComparison.Ordinal))[9..], output + error.ToString());

        await stop.CancelAsync();
        Assert.Equal(0, await simulator);
        Assert.Contains("simulator stopped", error.ToString());
    }

    [Theory]
    [InlineData("give --handbook", "snow", "simulate")]
    [InlineData("loopback", "snow", "simulate", "--handbook", "HB", "--urls", "http://192.0.2.10:8091")]
    [InlineData("--rate-limit", "snow", "simulate", "--handbook", "HB", "--rate-limit", "0")]
    public async Task Simulate_refuses_bad_options_with_exit_2(string message, params string[] args)
    {
        var (exit, _, error) = await Run([.. args.Select(a => a == "HB" ? _folder.Combine("hb") : a), "--credentials", _folder.Combine("c")]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [GeneratedRegex(@"serving at (http://\S+/)")]
    private static partial Regex ServingAt();
}
