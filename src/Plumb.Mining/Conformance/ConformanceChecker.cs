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
        var (result, measurable) = Check(log, replayer, (c, labels) =>
        {
            for (var i = 0; i < labels.Length; i++) labels[i] = byActivity[log.Activities[log.Start(c) + i]];
        });
        return measurable ? result : result with { NotMeasurable = "not measurable: no event of the log has an activity the net labels" };
    }

    /// <summary>Replays a log on the net of a documented procedure, events mapped to steps by their tool mappings.</summary>
    public static ConformanceResult CheckProcedure(EventLog log, Procedure procedure, ProcedureMapping mapping)
    {
        var replayer = new TokenReplayer(ProcedureNet.Build(procedure, mapping.UnseenSteps));
        var byStep = procedure.Steps.Select(s => replayer.LabelOf(s.Id)).ToArray();
        var silentStep = procedure.Steps.Select(s => s.Tool is { Observable: false }).ToArray();
        var reopened = log.ActivityNames.Find(StateChangeDeriver.Reopened);
        var reassigned = log.ActivityNames.Find(StateChangeDeriver.Reassigned);
        var (result, measurable) = Check(log, replayer, (c, labels) =>
        {
            var current = -1;
            var start = log.Start(c);
            for (var e = start; e < log.End(c); e++)
            {
                var step = mapping.StepOfEvent[e];

                // A change of group that shows no step is a reassignment within the step the ticket is in, not a step done
                // out of order: the documented flow lets the group change (a resolver hands on a misrouted ticket), and the
                // reassignment KPIs and the group flow measure how often. Only a state change moves the ticket on.
                if (step < 0 && current >= 0 && log.Activities[e] == reassigned && (log.States is not { } st || st[e] < 0 || st[e] == st[e - 1]))
                {
                    labels[e - start] = TokenReplayer.Continuation;
                    continue;
                }

                // A step groups activities: further events of the step just done (In Progress, then Resolved) are the same step.
                // A reopening starts the step again, so it counts as a repeat.
                var same = step >= 0 && step == current && log.Activities[e] != reopened;

                // Events of a step the tool cannot show apart are not replayed: the step is silent in the net.
                var silent = step >= 0 && silentStep[step];
                labels[e - start] = step < 0 ? -1 : same || silent ? TokenReplayer.Continuation : byStep[step];
                current = step;
            }
        });
        return measurable ? result : result with { NotMeasurable = WhyNotMeasurable(log, procedure, mapping) };
    }

    // The replay labels of one case's events, in order: a net label code, -1 (unknown to the net) or Continuation.
    private delegate void CaseLabels(int caseIndex, Span<int> labels);

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

    // One pass over the cases: each case's labels in a buffer the size of the longest case, looked up among the distinct traces
    // (kept, a few), replayed when new; then the case's deviations. No label is held per event. Measurable when some event
    // shows a transition of the net.
    private static (ConformanceResult Result, bool Measurable) Check(EventLog log, TokenReplayer replayer, CaseLabels labelsOf)
    {
        var names = new string[replayer.Labels.Count];
        foreach (var (name, code) in replayer.Labels) names[code] = name;
        // The cases' groups, priorities and months on the other core meanwhile: they need no replay, and the breakdown waits
        // for them only after the pass over the cases.
        var dimensions = Task.Run(() => CodedDimensions(log));
        var longest = 0;
        for (var c = 0; c < log.CaseCount; c++) longest = Math.Max(longest, log.End(c) - log.Start(c));
        var labels = new int[longest];
        var traces = new List<int[]>();
        var byHash = new Dictionary<int, int>();
        var sameHash = new List<int>();
        var replays = new List<TraceReplay>();
        var measurable = false;

        // Deviations of a trace are the same for every case that follows it; undocumented activities are named per case. Per
        // case only the index of its list of deviations is kept (4 bytes), and per list its trace.
        // Per trace its list, -1 while it has none yet, or Undocumented: then a list per set of undocumented activities.
        const int Undocumented = -2;
        var traceDeviations = new List<StepDeviationOfCase[]>();
        var listOfTrace = new List<int>();

        // Lists with undocumented activities by a hash of their trace and those activities, chained on collision, each with its
        // first case: cases of a trace with the same undocumented activities share one list (and one tail in the JSON report).
        // Lookups keyed by ints, and per list in lists of ints: CoreLib's collections over tuples or structs of our own have no
        // precompiled code, and a cold run would do this per case in unoptimised code.
        var byUndocumented = new Dictionary<int, int>();
        var firstCaseOfList = new List<int>();
        var nextOfList = new List<int>();
        var deviationCases = new Dictionary<StepDeviationOfCase, int>();
        var lists = new DeviationLists(log.CaseCount);
        var seen = new HashSet<StepDeviationOfCase>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var start = log.Start(c);
            var trace = labels.AsSpan(0, log.End(c) - start);
            labelsOf(c, trace);
            var v = Find(trace);
            if (v < 0)
            {
                v = Add(trace);
                var (stepDeviations, undocumented) = StepDeviations(replays[v], names);
                traceDeviations.Add(stepDeviations);
                listOfTrace.Add(undocumented ? Undocumented : -1);
            }

            int list;
            if (listOfTrace[v] != Undocumented)
            {
                list = listOfTrace[v] >= 0 ? listOfTrace[v] : listOfTrace[v] = NewList(traceDeviations[v], v, -1, -1);
            }
            else if (FindUndocumented(trace, v, c, out var key) is var same && same >= 0)
            {
                list = same;
            }
            else
            {
                seen.Clear();
                seen.UnionWith(traceDeviations[v]);
                for (var i = 0; i < trace.Length; i++)
                {
                    if (trace[i] == -1) seen.Add(new StepDeviationOfCase(log.ActivityNames[log.Activities[start + i]], DeviationKind.Undocumented));
                }

                list = NewList([.. seen], v, c, byUndocumented.TryGetValue(key, out var next) ? next : -1);
                byUndocumented[key] = list;
            }

            lists.ListOf[c] = list;
            lists.Cases[list]++;
        }

        int NewList(StepDeviationOfCase[] deviations, int trace, int firstCase, int next)
        {
            firstCaseOfList.Add(firstCase);
            nextOfList.Add(next);
            return lists.Add(deviations, trace);
        }

        // The list of an earlier case of the trace with the same undocumented activities, or -1; the key of its chain.
        int FindUndocumented(ReadOnlySpan<int> trace, int v, int c, out int key)
        {
            key = CodeSequences.Mix(UndocumentedHash(log, trace, log.Start(c)), v);
            if (!byUndocumented.TryGetValue(key, out var l)) return -1;
            for (; l >= 0; l = nextOfList[l])
            {
                if (lists.TraceOfList[l] == v && SameUndocumented(log, trace, firstCaseOfList[l], c)) return l;
            }

            return -1;
        }

        int Find(ReadOnlySpan<int> trace)
        {
            if (!byHash.TryGetValue(CodeSequences.Hash(trace), out var t)) return -1;
            for (; t >= 0; t = sameHash[t])
            {
                if (CodeSequences.Equal(trace, traces[t])) return t;
            }

            return -1;
        }

        int Add(ReadOnlySpan<int> trace)
        {
            var t = traces.Count;
            traces.Add(trace.ToArray());
            var hash = CodeSequences.Hash(trace);
            sameHash.Add(byHash.TryGetValue(hash, out var first) ? first : -1);
            byHash[hash] = t;
            replays.Add(replayer.Replay(trace));
            foreach (var l in trace) measurable |= l >= 0;
            return t;
        }

        // Cases count per shared list, then per deviation: not a lookup by step name per deviation of each case.
        for (var l = 0; l < lists.Lists.Count; l++)
        {
            foreach (var key in lists.Lists[l]) deviationCases[key] = deviationCases.GetValueOrDefault(key) + lists.Cases[l];
        }

        // Most cases first, then by step and kind (each pair once, so no two compare equal); sorted without LINQ's generic keys.
        var deviations = new List<StepDeviation>(deviationCases.Count);
        foreach (var (key, cases) in deviationCases) deviations.Add(new StepDeviation(key.Step, key.Kind, cases));
        deviations.Sort(static (a, b) => a.Cases != b.Cases ? b.Cases.CompareTo(a.Cases)
            : string.CompareOrdinal(a.Step, b.Step) is var byStep and not 0 ? byStep : ((int)a.Kind).CompareTo((int)b.Kind));
        var breakdown = new List<FitnessBreakdown>();
        var replayOfList = lists.TraceOfList.Select(t => replays[t]).ToArray();
        foreach (var (dimension, codes, keys) in dimensions.GetAwaiter().GetResult())
        {
            var figures = Figures(codes, keys.Count, lists.ListOf, replayOfList);
            var ordered = new string[keys.Count];
            for (var k = 0; k < ordered.Length; k++) ordered[k] = keys[k];
            Array.Sort(ordered, StringComparer.Ordinal);
            foreach (var name in ordered) breakdown.Add(new FitnessBreakdown(dimension, name, figures[keys.Find(name)]));
        }

        var overall = Figures(null, 1, lists.ListOf, replayOfList)[0];
        return (new ConformanceResult(overall, deviations, breakdown, new CaseConformanceList(log, replays, lists), replays.Count), measurable);
    }

    // Each dimension with codes of its own (not one buffer overwritten in turn), to be read after the pass over the cases.
    private static (string Dimension, NarrowCodes Codes, StringTable Keys)[] CodedDimensions(EventLog log)
    {
        var all = new (string, NarrowCodes, StringTable)[3]; // group, priority, month
        var d = 0;
        foreach (var dimension in CaseDimensions.Coded(log))
        {
            if (d == all.Length) Array.Resize(ref all, d * 2);
            all[d++] = dimension;
        }

        return d == all.Length ? all : all[..d];
    }

    // A trace's deviations at its steps (each once, in the order found), and whether it has events the net does not know.
    private static (StepDeviationOfCase[] Steps, bool Undocumented) StepDeviations(TraceReplay replay, string[] names)
    {
        var found = new List<StepDeviationOfCase>();
        var undocumented = false;
        // By index, not through the interface's enumerator: CoreLib's enumerators over the struct have no precompiled code.
        var deviations = replay.Deviations;
        for (var i = 0; i < deviations.Count; i++)
        {
            var d = deviations[i];
            if (d.Kind == DeviationKind.Undocumented)
            {
                undocumented = true;
                continue;
            }

            var step = new StepDeviationOfCase(names[d.Label], d.Kind);
            if (!found.Contains(step)) found.Add(step);
        }

        return ([.. found], undocumented);
    }

    /// <summary>The figures of the cases of each key (all cases under key 0 when null), in one pass over the cases (no list of cases per key).</summary>
    private static FitnessFigures[] Figures(NarrowCodes? keyOfCase, int keys, NarrowCodes listOfCase, TraceReplay[] replayOfList)
    {
        var totals = new (int Cases, int Fitting, long P, long C, long M, long R, double Sum)[keys];
        for (var i = 0; i < listOfCase.Count; i++)
        {
            var t = replayOfList[listOfCase[i]];
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
    private static bool SameUndocumented(EventLog log, ReadOnlySpan<int> trace, int a, int b)
    {
        for (int i = 0, ea = log.Start(a), eb = log.Start(b); i < trace.Length; i++)
        {
            if (trace[i] == -1 && log.Activities[ea + i] != log.Activities[eb + i]) return false;
        }

        return true;
    }

    // The activities of a case's events unknown to the net (-1 labels), hashed.
    private static int UndocumentedHash(EventLog log, ReadOnlySpan<int> trace, int start)
    {
        var activities = log.Activities;
        var hash = CodeSequences.Seed;
        for (var i = 0; i < trace.Length; i++)
        {
            if (trace[i] == -1) hash = CodeSequences.Mix(hash, activities[start + i]);
        }

        return hash;
    }
}
