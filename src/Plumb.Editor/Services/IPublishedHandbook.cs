namespace Plumb.Editor.Services;

using Plumb.Handbook.Model;

/// <summary>
/// Where published handbooks go: the server's version history that the portal shows to readers. The editor reads
/// it once to start from, and writes the whole published handbook each time an owner approves a version.
/// </summary>
public interface IPublishedHandbook
{
    /// <summary>The handbook readers see now, or null when nothing was published yet.</summary>
    Task<Handbook?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Publishes the handbook as a new version; returns a one-line problem when it was refused.</summary>
    Task<string?> PublishAsync(Handbook handbook, string author, string message, CancellationToken cancellationToken);
}
