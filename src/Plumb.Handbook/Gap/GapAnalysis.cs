namespace Plumb.Handbook.Gap;

using Plumb.Handbook.Model;

/// <summary>
/// Compares a handbook with the baseline: the processes, procedures, steps, roles, KPIs, CSFs and data flows the
/// baseline has and the handbook lacks, those the handbook adds, and those that differ. Matching tolerates renames:
/// elements pair by id first, then by name, then by structure (where a role is used, which steps a procedure holds).
/// </summary>
public static class GapAnalysis
{
    /// <summary>Every gap between <paramref name="baseline"/> and <paramref name="handbook"/>.</summary>
    public static GapReport Compare(Handbook baseline, Handbook handbook)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(handbook);
        return new GapRun(baseline, handbook).Run();
    }
}
