namespace Plumb.Handbook.Gap;

/// <summary>How the handbook departs from the baseline for one element.</summary>
public enum GapKind
{
    /// <summary>The baseline has it; the handbook lacks it.</summary>
    Missing,

    /// <summary>The handbook has it; the baseline does not.</summary>
    Added,

    /// <summary>Both have it under a different name or id.</summary>
    Renamed,

    /// <summary>Both have it, in a different procedure or process.</summary>
    Moved,

    /// <summary>Both have it, with a different RACI, owner, target or wording.</summary>
    Different,
}
