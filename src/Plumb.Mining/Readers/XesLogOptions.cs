namespace Plumb.Mining.Readers;

/// <summary>How to read XES: which lifecycle transitions to keep and whether duplicates are dropped.</summary>
public sealed record XesLogOptions
{
    /// <summary>Keep only events with this lifecycle transition (e.g. <c>complete</c>); null keeps all, as established tools do.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>Drop exact duplicate events instead of keeping them.</summary>
    public bool DropDuplicates { get; init; }

    /// <summary>Markers of "no value" besides the defaults of <see cref="Readers.MissingValues.Defaults"/>, as in CSV.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>Skip events that cannot be read instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }
}
