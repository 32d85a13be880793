namespace Plumb.Cli;

/// <summary>
/// Progress written at once on the caller's thread. <see cref="Progress{T}"/> posts each report to the thread pool, so lines
/// arrive out of order, race each other on the writer and can land after the command has ended.
/// </summary>
public sealed class ProgressLines<T>(Action<T> write) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => write(value);
}

/// <summary>
/// The information lines a server component logs while the CLI runs it (a sync's tables and pages), as progress on standard
/// error. Warnings and errors are left to the command, which says how the work ended.
/// </summary>
public sealed class ProgressLogger<T>(TextWriter error) : Microsoft.Extensions.Logging.ILogger<T>
{
    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel == Microsoft.Extensions.Logging.LogLevel.Information;

    /// <inheritdoc/>
    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) error.WriteLine($"plumb: {formatter(state, exception)}");
    }
}
