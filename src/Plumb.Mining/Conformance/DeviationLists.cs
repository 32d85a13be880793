namespace Plumb.Mining.Conformance;

using Plumb.Mining.EventLogs;

/// <summary>
/// The distinct lists of deviations of a replay's cases: per case the index of its list (cases of one trace share one unless
/// their undocumented activities differ), per list its trace and its number of cases.
/// </summary>
internal sealed class DeviationLists(int cases)
{
    /// <summary>Per case, the index of its list in <see cref="Lists"/> (a byte or two a case: a log has few distinct lists).</summary>
    public NarrowCodes ListOf { get; } = new(cases);

    /// <summary>The lists, each a distinct array.</summary>
    public List<StepDeviationOfCase[]> Lists { get; } = [];

    /// <summary>Per list, the index of the trace its cases follow.</summary>
    public List<int> TraceOfList { get; } = [];

    /// <summary>Per list, the number of its cases (counted by the caller).</summary>
    public List<int> Cases { get; } = [];

    /// <summary>Adds a list of the cases of a trace; its index.</summary>
    public int Add(StepDeviationOfCase[] deviations, int trace)
    {
        Lists.Add(deviations);
        TraceOfList.Add(trace);
        Cases.Add(0);
        return Lists.Count - 1;
    }
}
