namespace Plumb.Mining.Conformance;

using System.Collections;
using Plumb.Mining.EventLogs;

/// <summary>Per-case replay figures, made when read: cases share the replay of their trace, so none is stored per case.</summary>
internal sealed class CaseConformanceList(EventLog log, List<TraceReplay> replays, DeviationLists deviations) : IReadOnlyList<CaseConformance>
{
    public int Count => deviations.ListOf.Count;

    /// <summary>Case ids, by case.</summary>
    public StringTable CaseIds => log.CaseIds;

    /// <summary>The replay of each distinct trace.</summary>
    public List<TraceReplay> Replays => replays;

    /// <summary>Per case, its list of deviations, and per list its trace in <see cref="Replays"/>.</summary>
    public DeviationLists Deviations => deviations;

    public CaseConformance this[int index]
    {
        get
        {
            var list = deviations.ListOf[index];
            var r = replays[deviations.TraceOfList[list]];
            return new CaseConformance(log.CaseIds[index], r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, deviations.Lists[list]);
        }
    }

    public IEnumerator<CaseConformance> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
