namespace Plumb.Mining.Kpis;

using System.Globalization;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>
/// What the measure language asks of a case: which events match a target (cached per target, one flag per event),
/// milestone times, derived fields (events, groups, reassignments, reopened) and attributes (priority, group, any other).
/// </summary>
internal sealed class CaseFacts(EventLog log, Process? process)
{
    private readonly Dictionary<Target, bool[]> _targets = [];
    private readonly Dictionary<Target, int[]> _visits = [];
    private readonly Dictionary<Milestone, long[]> _times = [];
    private readonly Dictionary<(Milestone, Milestone), double[]> _hours = [];
    private readonly Dictionary<string, FieldColumn> _fields = new(StringComparer.Ordinal);
    private bool[]? _reopenEvents;

    public EventLog Log => log;

    /// <summary>Per event, whether it matches the target; a step that is not in the process is an error.</summary>
    public bool[] Matches(Target target)
    {
        if (_targets.TryGetValue(target, out var cached)) return cached;
        var flags = new bool[log.EventCount];
        switch (target.Kind)
        {
            case TargetKind.Activity:
                var code = log.ActivityNames.Find(target.Value);
                if (code >= 0)
                {
                    for (var e = 0; e < flags.Length; e++) flags[e] = log.Activities[e] == code;
                }

                break;
            case TargetKind.Step:
                var step = FindStep(target.Value) ?? throw new MeasureException($"no step '{target.Value}' in process '{process?.Id ?? "(none)"}'");
                var matcher = new StepMatcher(step, log);
                for (var e = 0; e < flags.Length; e++) flags[e] = matcher.Matches(log, e);
                break;
            case TargetKind.State:
                var value = StateLabels.ValueOf(target.Value);
                var label = StateLabels.LabelOf(value);
                var state = log.StateValues.Find(value);
                var named = log.ActivityNames.Find(label);
                for (var c = 0; c < log.CaseCount; c++)
                {
                    for (var e = log.Start(c); e < log.End(c); e++)
                    {
                        // The state field reaching the value: an event into the state from another (or the first event).
                        var reached = log.States is { } states
                            ? states[e] == state && state >= 0 && (e == log.Start(c) || states[e - 1] != state)
                            : log.Activities[e] == named && named >= 0;
                        flags[e] = reached;
                    }
                }

                break;
        }

        _targets[target] = flags;
        return flags;
    }

    /// <summary>Per case, the time of a milestone (<see cref="long.MinValue"/> when the case has none); cached.</summary>
    public long[] Times(Milestone milestone)
    {
        if (_times.TryGetValue(milestone, out var cached)) return cached;
        var times = new long[log.CaseCount];
        var flags = milestone.Kind == MilestoneKind.Target ? Matches(milestone.Target!) : null;
        for (var c = 0; c < times.Length; c++)
        {
            var (start, end) = (log.Start(c), log.End(c));
            var time = long.MinValue;
            if (start < end)
            {
                if (milestone.Kind == MilestoneKind.Start) time = log.Timestamps[start];
                else if (milestone.Kind == MilestoneKind.End) time = log.Timestamps[end - 1];
                else if (milestone.Last)
                {
                    for (var e = end - 1; e >= start; e--) if (flags![e]) { time = log.Timestamps[e]; break; }
                }
                else
                {
                    for (var e = start; e < end; e++) if (flags![e]) { time = log.Timestamps[e]; break; }
                }
            }

            times[c] = time;
        }

        _times[milestone] = times;
        return times;
    }

    /// <summary>Per case, hours from one milestone to the other (NaN when either is missing or the second comes first); cached.</summary>
    public double[] Hours(Milestone from, Milestone to)
    {
        if (_hours.TryGetValue((from, to), out var cached)) return cached;
        var a = Times(from);
        var b = Times(to);
        var hours = new double[log.CaseCount];
        for (var c = 0; c < hours.Length; c++)
        {
            hours[c] = a[c] == long.MinValue || b[c] == long.MinValue || b[c] < a[c] ? double.NaN : (b[c] - a[c]) / (double)TimeSpan.TicksPerHour;
        }

        _hours[(from, to)] = hours;
        return hours;
    }

    /// <summary>Per case, how many events match the target; cached.</summary>
    public int[] Visits(Target target)
    {
        if (_visits.TryGetValue(target, out var cached)) return cached;
        var flags = Matches(target);
        var counts = new int[log.CaseCount];
        for (var c = 0; c < counts.Length; c++)
        {
            var n = 0;
            for (var e = log.Start(c); e < log.End(c); e++) if (flags[e]) n++;
            counts[c] = n;
        }

        _visits[target] = counts;
        return counts;
    }

    /// <summary>A field as a coded column: derived fields, then priority and group, then any case attribute; cached.</summary>
    public FieldColumn Field(string field)
    {
        if (_fields.TryGetValue(field, out var cached)) return cached;
        var table = new StringTable();
        var codes = new int[log.CaseCount];
        if (field is "events" or "groups" or "reassignments" or "reopened")
        {
            for (var c = 0; c < codes.Length; c++)
            {
                var value = field switch
                {
                    "events" => log.End(c) - log.Start(c),
                    "groups" => DistinctGroups(c),
                    "reassignments" => Reassignments(c),
                    _ => Reopened(c) ? 1 : 0,
                };
                codes[c] = table.Intern(value.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (field is "priority" or "group" or "assignment_group")
        {
            for (var c = 0; c < codes.Length; c++)
            {
                var value = field == "priority" ? CaseDimensions.PriorityOf(log, c) : CaseDimensions.GroupOf(log, c);
                codes[c] = value is null ? -1 : table.Intern(value);
            }
        }
        else if (log.FindAttribute(field) is { } attribute)
        {
            _fields[field] = cached = new FieldColumn(attribute.Codes, attribute.Values);
            return cached;
        }
        else
        {
            Array.Fill(codes, -1);
        }

        _fields[field] = cached = new FieldColumn(codes, table);
        return cached;
    }

    private int DistinctGroups(int c)
    {
        if (log.Groups is not { } groups) return 0;
        var seen = new HashSet<int>();
        for (var e = log.Start(c); e < log.End(c); e++) if (groups[e] >= 0) seen.Add(groups[e]);
        return seen.Count;
    }

    private int Reassignments(int c)
    {
        if (log.Groups is not { } groups) return 0;
        int last = -1, changes = 0;
        for (var e = log.Start(c); e < log.End(c); e++)
        {
            var g = groups[e];
            if (g < 0) continue;
            if (last >= 0 && g != last) changes++;
            last = g;
        }

        return changes;
    }

    private bool Reopened(int c)
    {
        _reopenEvents ??= ReopenEvents();
        for (var e = log.Start(c); e < log.End(c); e++)
        {
            if (_reopenEvents[e]) return true;
        }

        return false;
    }

    private bool[] ReopenEvents()
    {
        var flags = new bool[log.EventCount];
        var reopened = log.ActivityNames.Find(StateChangeDeriver.Reopened);
        var final = log.StateValues.Values.Select(StateLabels.IsFinal).ToArray();
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                flags[e] = log.Activities[e] == reopened
                    || (log.States is { } s && e > log.Start(c) && s[e] >= 0 && s[e - 1] >= 0 && final[s[e - 1]] && !final[s[e]]);
            }
        }

        return flags;
    }

    private Step? FindStep(string id)
    {
        if (process is null) return null;
        var parts = id.Split('/');
        foreach (var procedure in process.Procedures)
        {
            if (parts.Length >= 2 && procedure.Id != parts[^2]) continue;
            if (procedure.FindStep(parts[^1]) is { } step) return step;
        }

        return null;
    }
}
