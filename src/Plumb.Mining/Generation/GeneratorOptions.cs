namespace Plumb.Mining.Generation;

/// <summary>How to simulate ticket histories: how many cases, the seed, when they start, and how often people deviate.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of cases (tickets).</summary>
    public int Cases { get; init; } = 1000;

    /// <summary>Random seed; the same seed and options give the same log.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>When the first case opens (UTC).</summary>
    public DateTime Start { get; init; } = new(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Cases opened per day, on average.</summary>
    public double CasesPerDay { get; init; } = 40;

    /// <summary>Mean hours a step takes (exponential; longer for lower priorities).</summary>
    public double MeanStepHours { get; init; } = 3;

    /// <summary>Chance that a case skips one of its steps after the first.</summary>
    public double SkipRate { get; init; } = 0.02;

    /// <summary>
    /// Chance that a case is handed to another group and back during one of its steps (a reassignment, ping-pong). Not a
    /// deviation from the procedure's order: it shows in the reassignment KPIs and the group flow, not in fitness.
    /// </summary>
    public double ReassignRate { get; init; } = 0.08;

    /// <summary>Chance that a case is reopened after its last resolving step and resolved again.</summary>
    public double ReopenRate { get; init; } = 0.03;

    /// <summary>Chance that a case does two consecutive steps in the wrong order.</summary>
    public double SwapRate { get; init; } = 0.02;

    /// <summary>A generator with no deviations at all.</summary>
    public static GeneratorOptions Clean(int cases, int seed) =>
        new() { Cases = cases, Seed = seed, SkipRate = 0, ReassignRate = 0, ReopenRate = 0, SwapRate = 0 };
}
