namespace Plumb.Cli;

/// <summary>Where a command writes: standard output for results, standard error for diagnostics and progress.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public CancellationToken CancellationToken { get; init; }
}
