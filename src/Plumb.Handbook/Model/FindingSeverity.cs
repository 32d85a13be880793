namespace Plumb.Handbook.Model;

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>Cosmetic or nice to have.</summary>
    Low,

    /// <summary>Worth fixing in the next version.</summary>
    Medium,

    /// <summary>Hurts the outcome today.</summary>
    High,

    /// <summary>Blocks the process or creates risk now.</summary>
    Critical,
}
