namespace Plumb.Cli.Tests;

/// <summary>Runs <c>plumb</c> in process with captured output.</summary>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>What a run of <c>plumb</c> gave.</summary>
internal sealed record CliResult(int Exit, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
