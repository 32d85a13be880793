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
