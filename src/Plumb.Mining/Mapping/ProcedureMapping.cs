namespace Plumb.Mining.Mapping;

using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;

/// <summary>An activity of the log that maps to no step of the procedure, and how many events have it.</summary>
public sealed record UnmappedActivity(string Activity, int Events);

/// <summary>
/// The events of a log mapped to the steps of one procedure: per event the index of its step (-1 = none). When several steps
/// match an event, the first in procedure order whose groups include the event's group wins, else the first. Unmapped events
/// are kept and reported (they count as undocumented activity in conformance), never dropped.
/// </summary>
public sealed class ProcedureMapping
{
    private ProcedureMapping(Procedure procedure, short[] stepOfEvent, IReadOnlyList<UnmappedActivity> unmapped, MappingCoverage coverage)
    {
        Procedure = procedure;
        StepOfEvent = stepOfEvent;
        Unmapped = unmapped;
        Coverage = coverage;
    }

    /// <summary>How much of the log maps: events and cases, and whether that is too little to trust step-based figures.</summary>
    public MappingCoverage Coverage { get; }

    /// <summary>The procedure.</summary>
    public Procedure Procedure { get; }

    /// <summary>Per event, the index of its step in <see cref="Procedure"/>, or -1 (16 bits: a procedure has far fewer steps).</summary>
    public short[] StepOfEvent { get; }

    /// <summary>Activities that map to no step, most frequent first.</summary>
    public IReadOnlyList<UnmappedActivity> Unmapped { get; }

    /// <summary>The number of events mapped to a step.</summary>
    public int MappedEvents => Coverage.MappedEvents;

    /// <summary>Maps every event of the log.</summary>
    public static ProcedureMapping Map(Procedure procedure, EventLog log)
    {
        if (procedure.Steps.Count > short.MaxValue) throw new ArgumentException($"a procedure of {procedure.Steps.Count} steps is too large to map", nameof(procedure));
        var matchers = procedure.Steps.Select(s => new StepMatcher(s, log)).ToArray();
        var stepOfEvent = new short[log.EventCount];
        var unmapped = new int[log.ActivityNames.Count];
        for (var e = 0; e < log.EventCount; e++)
        {
            var chosen = -1;
            for (var s = 0; s < matchers.Length; s++)
            {
                if (!matchers[s].Matches(log, e)) continue;
                if (chosen < 0) chosen = s;
                var group = log.Groups is { } g ? log.GroupNames.NameOf(g[e]) : null;
                if (matchers[s].Step.Tool is { Groups.Count: > 0 } && matchers[s].WorkedBy(group))
                {
                    chosen = s;
                    break;
                }
            }

            stepOfEvent[e] = (short)chosen;
            if (chosen < 0) unmapped[log.Activities[e]]++;
        }

        var list = Enumerable.Range(0, unmapped.Length).Where(a => unmapped[a] > 0)
            .Select(a => new UnmappedActivity(log.ActivityNames[a], unmapped[a]))
            .OrderByDescending(u => u.Events).ThenBy(u => u.Activity, StringComparer.Ordinal).ToList();
        int mappedEvents = 0, mappedCases = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var all = true;
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                if (stepOfEvent[e] >= 0) mappedEvents++;
                else all = false;
            }

            if (all) mappedCases++;
        }

        return new ProcedureMapping(procedure, stepOfEvent, list, new MappingCoverage(log.EventCount, mappedEvents, log.CaseCount, mappedCases));
    }
}
