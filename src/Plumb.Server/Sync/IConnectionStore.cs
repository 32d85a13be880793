namespace Plumb.Server.Sync;

/// <summary>The store's part for ServiceNow connections (implemented by the SQL stores beside <see cref="Storage.IPlumbStore"/>).</summary>
public interface IConnectionStore
{
    /// <summary>Adds a connection; null when the name is taken.</summary>
    Task<SnowConnection?> AddConnectionAsync(SnowConnection connection, CancellationToken cancellationToken);

    /// <summary>The connection of that name, or null.</summary>
    Task<SnowConnection?> FindConnectionAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every connection, by name.</summary>
    Task<IReadOnlyList<SnowConnection>> ListConnectionsAsync(CancellationToken cancellationToken);

    /// <summary>Removes a connection; false when there is none of that name.</summary>
    Task<bool> RemoveConnectionAsync(string name, CancellationToken cancellationToken);
}
