namespace Plumb.Cli.Tests;

using Microsoft.Extensions.Time.Testing;

/// <summary>Runs the plumb root command with captured output, the way a user would call it.</summary>
internal sealed record CliRun(int Exit, string Out, string Error)
{
    public static readonly DateTimeOffset Today = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error) { Time = new FakeTimeProvider(Today), CancellationToken = TestContext.Current.CancellationToken };
        var exit = await PlumbCli.RunAsync(args, context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
