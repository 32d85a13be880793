namespace Plumb.Mining.Conformance;

/// <summary>Token totals and fitness of a set of cases, with the standard names (log fitness from the totals).</summary>
public sealed record FitnessFigures(int Cases, int FittingCases, long Produced, long Consumed, long Missing, long Remaining,
    double LogFitness, double AverageTraceFitness)
{
    /// <summary>Percentage of cases that fit.</summary>
    public double PercentFittingCases => Cases == 0 ? 0 : 100.0 * FittingCases / Cases;
}

/// <summary>How often a step (or an activity) deviated in a given way, counted in cases.</summary>
public sealed record StepDeviation(string Step, DeviationKind Kind, int Cases);

/// <summary>Fitness of the cases of one group, priority or period.</summary>
public sealed record FitnessBreakdown(string Dimension, string Key, FitnessFigures Figures);

/// <summary>Replay figures of one case.</summary>
public sealed record CaseConformance(string Case, int Produced, int Consumed, int Missing, int Remaining, double Fitness, bool Fits,
    IReadOnlyList<StepDeviationOfCase> Deviations);

/// <summary>A deviation found in one case: the step (or activity) and how it deviated.</summary>
public sealed record StepDeviationOfCase(string Step, DeviationKind Kind);

/// <summary>
/// The result of checking a log against a model: overall figures, deviations per step, breakdowns and per-case figures; or, when
/// no event of the log shows a step the replay checks, why the fit is <see cref="NotMeasurable"/> (every case "fits" a model none
/// of whose steps it shows, and that figure must not be shown).
/// </summary>
public sealed record ConformanceResult(FitnessFigures Overall, IReadOnlyList<StepDeviation> Deviations, IReadOnlyList<FitnessBreakdown> Breakdown,
    IReadOnlyList<CaseConformance> PerCase, int Variants)
{
    /// <summary>
    /// Why the log's fit to the model cannot be measured ("not measurable: no event of the log maps onto procedure
    /// create-article; ..."), or null when it can. Front ends show this instead of the fitness figures.
    /// </summary>
    public string? NotMeasurable { get; init; }

    /// <summary>True when the figures mean something: some event of the log shows a step the replay checks.</summary>
    public bool Measurable => NotMeasurable is null;
}
