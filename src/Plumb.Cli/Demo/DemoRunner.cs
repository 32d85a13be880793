namespace Plumb.Cli.Demo;

using System.Diagnostics;

/// <summary>
/// Runs the demo's steps as the commands a user would type, each with a progress line. A step that reports findings
/// (exit 1: lint errors, drift, gaps) is part of the story, not a failure; a step that cannot run stops the demo.
/// </summary>
public sealed class DemoRunner(DemoPaths paths, CliContext context, CancellationToken cancellationToken)
{
    /// <summary>Steps that exited 1: they found lint problems, gaps or drift, which the demo means to show.</summary>
    public int Failures { get; private set; }

    public async Task PlumbAsync(string title, string? outputFile, params string[] args) =>
        await StepAsync(title, async () =>
        {
            await using var output = outputFile is null ? TextWriter.Null : new StreamWriter(outputFile) { NewLine = "\n" };
            using var error = new StringWriter();
            var exit = await PlumbCli.RunAsync(args, new CliContext(output, error) { Time = context.Time, CancellationToken = cancellationToken });
            if (exit >= ExitCodes.BadInput)
            {
                throw new UsageException($"demo step '{title}' failed (plumb {string.Join(' ', args.Select(a => a.Replace(paths.Root, ".", StringComparison.Ordinal)))}): "
                    + error.ToString().Trim());
            }

            return exit;
        });

    public async Task StepAsync(string title, Func<Task<int>> action)
    {
        var clock = Stopwatch.StartNew();
        await context.Error.WriteAsync($"  {title} ... ");
        var exit = await action();
        if (exit == ExitCodes.Found) Failures++;
        await context.Error.WriteLineAsync($"{(exit == ExitCodes.Found ? "findings" : "done")} ({clock.Elapsed.TotalSeconds:F1} s)");
    }
}
