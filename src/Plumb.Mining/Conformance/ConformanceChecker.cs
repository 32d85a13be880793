namespace Plumb.Mining.Conformance;

using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>
/// Checks a log against a Petri net by token replay: once per distinct trace (variant), then per case, with deviations per step
/// and a breakdown by assignment group (of the case's last event), priority and month (UTC, of the case's first event).
/// </summary>
public static class ConformanceChecker
{
    /// <summary>Replays a log on a net whose visible labels are activity names (a PNML model).</summary>
    public static ConformanceResult CheckActivities(EventLog log, PetriNet net)
    {
        var replayer = new TokenReplayer(net);
        var byActivity = log.ActivityNames.Values.Select(replayer.LabelOf).ToArray();
        var labels = System.Buffers.ArrayPool<int>.Shared.Rent(log.EventCount);
        for (var e = 0; e < log.EventCount; e++) labels[e] = byActivity[log.Activities[e]];
        var result = Check(log, replayer, labels, e => log.ActivityNames[log.Activities[e]]);
        var measurable = AnyReplayed(labels, log.EventCount);
        System.Buffers.ArrayPool<int>.Shared.Return(labels);
        return measurable ? result : result with { NotMeasurable = "not measurable: no event of the log has an activity the net labels" };
    }

    /// <summary>Replays a log on the net of a documented procedure, events mapped to steps by their tool mappings.</summary>
    public static ConformanceResult CheckProcedure(EventLog log, Procedure procedure, ProcedureMapping mapping)
    {
        var replayer = new TokenReplayer(ProcedureNet.Build(procedure, mapping.UnseenSteps));
        var byStep = procedure.Steps.Select(s => replayer.LabelOf(s.Id)).ToArray();
        var silentStep = procedure.Steps.Select(s => s.Tool is { Observable: false }).ToArray();
        // Rented: the labels live only while the cases are replayed (4 bytes an event).
        var labels = System.Buffers.ArrayPool<int>.Shared.Rent(log.EventCount);
        var reopened = log.ActivityNames.Find(StateChangeDeriver.Reopened);
        var reassigned = log.ActivityNames.Find(StateChangeDeriver.Reassigned);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var current = -1;
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var step = mapping.StepOfEvent[e];

                // A change of group that shows no step is a reassignment within the step the ticket is in, not a step done
                // out of order: the documented flow lets the group change (a resolver hands on a misrouted ticket), and the
                // reassignment KPIs and the group flow measure how often. Only a state change moves the ticket on.
                if (step < 0 && current >= 0 && log.Activities[e] == reassigned && (log.States is not { } st || st[e] < 0 || st[e] == st[e - 1]))
                {
                    labels[e] = TokenReplayer.Continuation;
                    continue;
                }

                // A step groups activities: further events of the step just done (In Progress, then Resolved) are the same step.
                // A reopening starts the step again, so it counts as a repeat.
                var same = step >= 0 && step == current && log.Activities[e] != reopened;

                // Events of a step the tool cannot show apart are not replayed: the step is silent in the net.
                var silent = step >= 0 && silentStep[step];
                labels[e] = step < 0 ? -1 : same || silent ? TokenReplayer.Continuation : byStep[step];
                current = step;
            }
        }

        var result = Check(log, replayer, labels, e => log.ActivityNames[log.Activities[e]]);
        var measurable = AnyReplayed(labels, log.EventCount);
        System.Buffers.ArrayPool<int>.Shared.Return(labels);
        return measurable ? result : result with { NotMeasurable = WhyNotMeasurable(log, procedure, mapping) };
    }

    // Whether some event shows a transition of the net (the labels array may be longer than the log: rented).
    private static bool AnyReplayed(int[] labels, int events)
    {
        foreach (var l in labels.AsSpan(0, events))
        {
            if (l >= 0) return true;
        }

        return false;
    }

    /// <summary>
    /// Why no event of the log shows a step the replay checks: none maps (a log of other records, or tool mappings that do not
    /// match it), or those that map show only steps the tool cannot tell apart (<c>observable: false</c>).
    /// </summary>
    private static string WhyNotMeasurable(EventLog log, Procedure procedure, ProcedureMapping mapping)
    {
        var tables = EventLogSubset.TablesOf(procedure.Steps);
        var named = string.Join(", ", tables.Order(StringComparer.Ordinal));
        if (log.EventCount == 0) return $"not measurable: no case of the log is a record of {(named.Length == 0 ? "the procedure's tables" : named)}, where procedure {procedure.Id} runs";
        if (mapping.MappedEvents > 0)
        {
            return $"not measurable: the events that map onto procedure {procedure.Id} show only steps the tool cannot tell apart "
                + "(tool: { observable: false }), so replay has nothing to check";
        }

        var logTable = log.Table ?? (log.CaseCount > 0 ? Plumb.Handbook.Tool.TicketNumbers.TableOf(log.CaseIds[0]) : null);
        var why = logTable is not null && tables.Count > 0 && !tables.Contains(logTable)
            ? $": the log holds {logTable} records, and the procedure's steps are on {named}"
            : ": no activity, state, group or field of its events is one the steps' tool mappings name (plumb map proposes mappings)";
        return $"not measurable: no event of the log maps onto procedure {procedure.Id}{why}";
    }

    private static ConformanceResult Check(EventLog log, TokenReplayer replayer, int[] labels, Func<int, string> activityOf)
    {
        var names = replayer.Labels.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var index = new Dictionary<int, int>(new TraceComparer(log, labels));
        var replays = new List<TraceReplay>();
        var variantOf = new int[log.CaseCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!index.TryGetValue(c, out var v))
            {
                v = replays.Count;
                replays.Add(replayer.Replay(labels.AsSpan(log.Start(c), log.End(c) - log.Start(c))));
                index[c] = v;
            }

            variantOf[c] = v;
        }

        // Deviations of a trace are the same for every case that follows it; undocumented activities are named per case.
        var traceDeviations = replays.Select(r => r.Deviations.Where(d => d.Kind != DeviationKind.Undocumented)
            .Select(d => new StepDeviationOfCase(names[d.Label], d.Kind)).Distinct().ToArray()).ToArray();
        var hasUndocumented = replays.Select(r => r.Deviations.Any(d => d.Kind == DeviationKind.Undocumented)).ToArray();
        var deviationCases = new Dictionary<StepDeviationOfCase, int>();
        var casesOfList = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var caseDeviations = new StepDeviationOfCase[log.CaseCount][];
        var seen = new HashSet<StepDeviationOfCase>();
        var lastWithUndocumented = new int[replays.Count];
        Array.Fill(lastWithUndocumented, -1);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var v = variantOf[c];
            var list = traceDeviations[v];
            if (hasUndocumented[v] && lastWithUndocumented[v] is var earlier && earlier >= 0 && SameUndocumented(log, labels, earlier, c))
            {
                // The same trace with the same undocumented activities as an earlier case: share its list.
                list = caseDeviations[earlier];
            }
            else if (hasUndocumented[v])
            {
                lastWithUndocumented[v] = c;
                seen.Clear();
                seen.UnionWith(list);
                for (var e = log.Start(c); e < log.End(c); e++)
                {
                    if (labels[e] == -1) seen.Add(new StepDeviationOfCase(activityOf(e), DeviationKind.Undocumented));
                }

                list = [.. seen];
            }

            caseDeviations[c] = list;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(casesOfList, list, out _)++;
        }

        // Cases count per shared list, then per deviation: a lookup by reference per case, not one by step name per deviation.
        foreach (var (list, cases) in casesOfList)
        {
            foreach (var key in (StepDeviationOfCase[])list) deviationCases[key] = deviationCases.GetValueOrDefault(key) + cases;
        }

        var deviations = deviationCases.Select(p => new StepDeviation(p.Key.Step, p.Key.Kind, p.Value))
            .OrderByDescending(d => d.Cases).ThenBy(d => d.Step, StringComparer.Ordinal).ThenBy(d => d.Kind).ToList();
        var breakdown = new List<FitnessBreakdown>();
        foreach (var (dimension, codes, keys) in CaseDimensions.Coded(log))
        {
            var figures = Figures(codes, keys.Count, variantOf, replays);
            foreach (var k in Enumerable.Range(0, keys.Count).OrderBy(k => keys[k], StringComparer.Ordinal))
            {
                breakdown.Add(new FitnessBreakdown(dimension, keys[k], figures[k]));
            }
        }

        var overall = Figures(null, 1, variantOf, replays)[0];
        return new ConformanceResult(overall, deviations, breakdown, new CaseConformanceList(log, replays, variantOf, caseDeviations), replays.Count);
    }

    /// <summary>The figures of the cases of each key (all cases under key 0 when null), in one pass over the cases (no list of cases per key).</summary>
    private static FitnessFigures[] Figures(int[]? keyOfCase, int keys, int[] variantOf, List<TraceReplay> replays)
    {
        var totals = new (int Cases, int Fitting, long P, long C, long M, long R, double Sum)[keys];
        for (var i = 0; i < variantOf.Length; i++)
        {
            var t = replays[variantOf[i]];
            ref var k = ref totals[keyOfCase?[i] ?? 0];
            k.Cases++;
            k.P += t.Produced;
            k.C += t.Consumed;
            k.M += t.Missing;
            k.R += t.Remaining;
            k.Sum += t.Fitness;
            if (t.Fits) k.Fitting++;
        }

        var result = new FitnessFigures[keys];
        for (var k = 0; k < keys; k++)
        {
            var (cases, fitting, p, c, m, r, sum) = totals[k];
            var fitness = (0.5 * (c == 0 ? 1 : 1 - ((double)m / c))) + (0.5 * (p == 0 ? 1 : 1 - ((double)r / p)));
            result[k] = new FitnessFigures(cases, fitting, p, c, m, r, fitness, cases == 0 ? 0 : sum / cases);
        }

        return result;
    }

    // Cases of one trace have their unknown (-1) labels at the same places; compare the activities there.
    private static bool SameUndocumented(EventLog log, int[] labels, int a, int b)
    {
        for (int i = log.Start(a), j = log.Start(b); i < log.End(a); i++, j++)
        {
            if (labels[i] == -1 && log.Activities[i] != log.Activities[j]) return false;
        }

        return true;
    }

    private sealed class TraceComparer(EventLog log, int[] labels) : IEqualityComparer<int>
    {
        private ReadOnlySpan<int> Of(int c) => labels.AsSpan(log.Start(c), log.End(c) - log.Start(c));

        public bool Equals(int x, int y) => Of(x).SequenceEqual(Of(y));

        public int GetHashCode(int c)
        {
            var hash = new HashCode();
            foreach (var l in Of(c)) hash.Add(l);
            return hash.ToHashCode();
        }
    }
}
