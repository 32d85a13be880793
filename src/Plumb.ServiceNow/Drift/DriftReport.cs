namespace Plumb.ServiceNow.Drift;

/// <summary>The result of comparing a handbook with a configuration snapshot.</summary>
public sealed record DriftReport(IReadOnlyList<DriftItem> Items)
{
    /// <summary>The items that are drift (not notes).</summary>
    public IEnumerable<DriftItem> Drift => Items.Where(i => !i.IsNote);

    /// <summary>The notes: what could not be checked and why.</summary>
    public IEnumerable<DriftItem> Notes => Items.Where(i => i.IsNote);

    /// <summary>True when any drift was found.</summary>
    public bool HasDrift => Items.Any(i => !i.IsNote);
}
