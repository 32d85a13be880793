namespace Plumb.Mining.Mapping;

using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;

/// <summary>An activity of the log that maps to no step of the procedure, and how many events have it.</summary>
public sealed record UnmappedActivity(string Activity, int Events);

/// <summary>
/// The events of a log mapped to the steps of one procedure: per event the index of its step (-1 = none). When several steps
/// match an event, the first in procedure order whose groups include the event's group wins, else the one the procedure goes
/// to from the case's previous step, else the first. Unmapped events
/// are kept and reported (they count as undocumented activity in conformance), never dropped.
/// </summary>
public sealed class ProcedureMapping
{
    private ProcedureMapping(Procedure procedure, sbyte[] stepOfEvent, IReadOnlyList<UnmappedActivity> unmapped, MappingCoverage coverage, IReadOnlySet<string> unseen)
    {
        UnseenSteps = unseen;
        Procedure = procedure;
        StepOfEvent = stepOfEvent;
        Unmapped = unmapped;
        Coverage = coverage;
    }

    /// <summary>How much of the log maps: events and cases, and whether that is too little to trust step-based figures.</summary>
    public MappingCoverage Coverage { get; }

    /// <summary>
    /// Steps shown by a field other than the state and the group (stage, approval, known_error), or by activity names alone
    /// (communication sent), to which no event of the log maps: the log does not carry that field or activity (a ServiceNow
    /// audit records field changes, not a bridge call's messages), so it cannot show the step. Replay treats them as silent
    /// rather than reporting every case as having skipped them.
    /// </summary>
    public IReadOnlySet<string> UnseenSteps { get; }

    /// <summary>The procedure.</summary>
    public Procedure Procedure { get; }

    /// <summary>
    /// Per event, the index of its step in <see cref="Procedure"/>, or -1: one byte an event (1 MB on 1M events, held while
    /// <c>plumb analyze</c> replays, measures steps and writes), so a procedure maps at most <see cref="MaxSteps"/> steps.
    /// </summary>
    public sbyte[] StepOfEvent { get; }

    /// <summary>The most steps a procedure may have to be mapped (far more than any procedure a team follows).</summary>
    public const int MaxSteps = sbyte.MaxValue;

    /// <summary>Activities that map to no step, most frequent first.</summary>
    public IReadOnlyList<UnmappedActivity> Unmapped { get; }

    /// <summary>The number of events mapped to a step.</summary>
    public int MappedEvents => Coverage.MappedEvents;

    // follows[a][b]: the procedure goes from step a straight to step b.
    private static bool[][] Follows(Procedure procedure)
    {
        var steps = procedure.Steps;
        var result = new bool[steps.Count][];
        for (var a = 0; a < steps.Count; a++)
        {
            result[a] = new bool[steps.Count];
            foreach (var target in procedure.Successors(a))
            {
                var b = steps.FindIndex(s => s.Id == target);
                if (b >= 0) result[a][b] = true;
            }
        }

        return result;
    }

    /// <summary>Maps every event of the log; a procedure of more than <see cref="MaxSteps"/> steps is refused as data that cannot be used (<see cref="InvalidDataException"/>).</summary>
    public static ProcedureMapping Map(Procedure procedure, EventLog log)
    {
        if (procedure.Steps.Count > MaxSteps)
        {
            throw new InvalidDataException($"procedure {procedure.Id} has {procedure.Steps.Count} steps: too many to map onto a log (at most {MaxSteps})");
        }

        var matchers = procedure.Steps.Select(s => new StepMatcher(s, log, procedure)).ToArray();
        var stepOfEvent = new sbyte[log.EventCount];
        var unmapped = new int[log.ActivityNames.Count];
        var follows = Follows(procedure);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var previous = -1;
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var chosen = -1;
                var after = -1;
                for (var s = 0; s < matchers.Length; s++)
                {
                    if (!matchers[s].Matches(log, e)) continue;
                    if (chosen < 0) chosen = s;
                    if (previous >= 0 && (s == previous || (after != previous && after < 0 && follows[previous][s]))) after = s;
                    var group = log.Groups is { } g ? log.GroupNames.NameOf(g[e]) : null;
                    if (matchers[s].Step.Tool is { Groups.Count: > 0 } && matchers[s].WorkedBy(group))
                    {
                        chosen = s;
                        after = -1;
                        break;
                    }
                }

                // Two steps the same state shows (Closed after closing, Closed when a risk is accepted): the case's previous step
                // if it is one of them (its next event), else the one the procedure goes to from it, unless the group told them apart.
                if (after >= 0) chosen = after;
                stepOfEvent[e] = (sbyte)chosen;
                if (chosen < 0) unmapped[log.Activities[e]]++;
                else previous = chosen;
            }
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

        var seen = new bool[procedure.Steps.Count];
        foreach (var s in stepOfEvent)
        {
            if (s >= 0) seen[s] = true;
        }

        var unseen = procedure.Steps.Where((s, i) => !seen[i] && s.Tool is { } t
                && (t.EffectiveField is not ("state" or "incident_state" or "assignment_group") || (t.States.Count == 0 && t.Groups.Count == 0)))
            .Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return new ProcedureMapping(procedure, stepOfEvent, list, new MappingCoverage(log.EventCount, mappedEvents, log.CaseCount, mappedCases), unseen);
    }
}
