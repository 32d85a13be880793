namespace Plumb.Handbook.Gap;

/// <summary>What a match gave: the pairs, and the elements only the baseline or only the handbook has.</summary>
internal sealed record Matching<T>(List<(T Baseline, T Handbook)> Pairs, List<T> OnlyBaseline, List<T> OnlyHandbook)
    where T : class
{
    /// <summary>The handbook element paired with a baseline element, if any.</summary>
    public T? HandbookFor(T baseline) => Pairs.Find(p => ReferenceEquals(p.Baseline, baseline)).Handbook;
}
