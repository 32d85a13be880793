namespace Plumb.ServiceNow.Snapshot;

/// <summary>What reading a snapshot gave: the configuration (null when nothing could be read), the problems, and the files read.</summary>
public sealed record SnapshotLoad(ConfigurationSnapshot? Snapshot, IReadOnlyList<SnapshotError> Errors, IReadOnlyList<string> Files)
{
    /// <summary>True when the snapshot was read without errors (warnings allowed).</summary>
    public bool Succeeded => Snapshot is not null && !Errors.Any(e => !e.IsWarning);
}
