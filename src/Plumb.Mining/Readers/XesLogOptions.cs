namespace Plumb.Mining.Readers;

using Plumb.Mining.EventLogs;

/// <summary>How to read XES: which lifecycle transitions to keep and whether duplicates are dropped.</summary>
public sealed record XesLogOptions
{
    /// <summary>Keep only events with this lifecycle transition (e.g. <c>complete</c>); null keeps all, as established tools do.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>The case and event attributes whose values are kept (see <see cref="CaseAttributeSelection"/>); null keeps every one.</summary>
    public CaseAttributeSelection? CaseAttributes { get; init; }

    /// <summary>Drop exact duplicate events instead of keeping them.</summary>
    public bool DropDuplicates { get; init; }

    /// <summary>Markers of "no value" besides the defaults of <see cref="Readers.MissingValues.Defaults"/>, as in CSV.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>Skip events that cannot be read instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// How many parts a plain file (or memory stream with a visible buffer) is cut into at trace starts and read at once; null:
    /// one per core (at most 8) from 8 MB on, else 1. A compressed file or a stream that cannot seek is read in one part.
    /// </summary>
    public int? ReadParts { get; init; }
}
