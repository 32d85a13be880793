namespace Plumb.Mining.Conformance;

using System.Collections;
using Plumb.Mining.EventLogs;

/// <summary>Per-case replay figures, made when read: cases share the replay of their trace, so none is stored per case.</summary>
internal sealed class CaseConformanceList(EventLog log, List<TraceReplay> replays, int[] variantOf, StepDeviationOfCase[][] deviations) : IReadOnlyList<CaseConformance>
{
    public int Count => variantOf.Length;

    /// <summary>Case ids, by case.</summary>
    public StringTable CaseIds => log.CaseIds;

    /// <summary>The replay of each distinct trace.</summary>
    public List<TraceReplay> Replays => replays;

    /// <summary>Per case, the index of its trace in <see cref="Replays"/>.</summary>
    public int[] TraceOf => variantOf;

    /// <summary>Per case, its deviations (cases of one trace share one array unless their undocumented activities differ).</summary>
    public StepDeviationOfCase[][] Deviations => deviations;

    public CaseConformance this[int index]
    {
        get
        {
            var r = replays[variantOf[index]];
            return new CaseConformance(log.CaseIds[index], r.Produced, r.Consumed, r.Missing, r.Remaining, r.Fitness, r.Fits, deviations[index]);
        }
    }

    public IEnumerator<CaseConformance> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
