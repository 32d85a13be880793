namespace Plumb.Mining.Kpis;

using System.Collections;
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
internal sealed partial class CaseFacts(EventLog log, Process? process)
{
    private readonly Dictionary<Target, BitArray> _targets = [];
    private readonly Dictionary<Target, int[]> _visits = [];
    private readonly Dictionary<(Milestone, Milestone), CaseHours> _hours = [];
    private readonly Dictionary<string, FieldColumn> _fields = new(StringComparer.Ordinal);
    private bool[]? _final;
    private StateChoices? _choices;

    // The state vocabulary of the process's tickets: the table its steps' tools name, else the log's.
    private StateChoices Choices => _choices ??= StateChoices.ForSteps(process?.Procedures.SelectMany(p => p.Steps) ?? [], log);

    public EventLog Log => log;

    /// <summary>Per event, whether it matches the target; a step that is not in the process is an error.</summary>
    public BitArray Matches(Target target)
    {
        if (_targets.TryGetValue(target, out var cached)) return cached;
        var flags = new BitArray(log.EventCount);
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
                var value = Choices.ValueOf(target.Value);
                var label = Choices.LabelOf(value);
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
            case TargetKind.Field:
                // A record field is set or not per case: its first event stands for it.
                var times = FieldTimes(target.Value);
                for (var c = 0; c < log.CaseCount; c++)
                {
                    if (times[c] != long.MinValue && log.Start(c) < log.End(c)) flags[log.Start(c)] = true;
                }

                break;
        }

        _targets[target] = flags;
        return flags;
    }

    /// <summary>Per case, hours from one milestone to the other (NaN when either is missing or the second comes first); cached.</summary>
    public CaseHours Hours(Milestone from, Milestone to)
    {
        if (_hours.TryGetValue((from, to), out var cached)) return cached;
        CaseHours result;
        if (from.Target is { Kind: TargetKind.Field } || to.Target is { Kind: TargetKind.Field })
        {
            // A record field's time is no event of the case: the hours themselves.
            var fromFlags = from.Kind == MilestoneKind.Target ? Matches(from.Target!) : null;
            var toFlags = to.Kind == MilestoneKind.Target ? Matches(to.Target!) : null;
            var hours = new double[log.CaseCount];
            for (var c = 0; c < hours.Length; c++)
            {
                var a = TimeOf(from, fromFlags, c);
                var b = TimeOf(to, toFlags, c);
                hours[c] = a == long.MinValue || b == long.MinValue || b < a ? double.NaN : (b - a) / (double)TimeSpan.TicksPerHour;
            }

            result = new CaseHours(log, hours);
        }
        else
        {
            result = new CaseHours(log, PlaceOf(from), from.Kind == MilestoneKind.End, PlaceOf(to), to.Kind == MilestoneKind.End);
        }

        _hours[(from, to)] = result;
        return result;
    }

    // Per case, the place in the case of the event a target milestone is (its first or last matching event), or -1; null for
    // the start and the end, which are the case's first and last event.
    private NarrowCodes? PlaceOf(Milestone milestone)
    {
        if (milestone.Kind != MilestoneKind.Target) return null;
        var flags = Matches(milestone.Target!);
        var places = new NarrowCodes(log.CaseCount);
        for (var c = 0; c < places.Count; c++)
        {
            if (EventOf(milestone.Last, flags, c) is var e and >= 0) places[c] = e - log.Start(c);
        }

        return places;
    }

    /// <summary>The time of a milestone in a case, or <see cref="long.MinValue"/> when the case has none.</summary>
    private long TimeOf(Milestone milestone, BitArray? flags, int c)
    {
        var (start, end) = (log.Start(c), log.End(c));
        if (start == end) return long.MinValue;
        if (milestone.Kind == MilestoneKind.Start) return log.Timestamps[start];
        if (milestone.Kind == MilestoneKind.End) return log.Timestamps[end - 1];
        if (milestone.Target is { Kind: TargetKind.Field } field) return FieldTimes(field.Value)[c];
        return EventOf(milestone.Last, flags!, c) is var e and >= 0 ? log.Timestamps[e] : long.MinValue;
    }

    // A case's first (or last) event that matches, or -1.
    private int EventOf(bool last, BitArray flags, int c)
    {
        var (start, end) = (log.Start(c), log.End(c));
        if (last)
        {
            for (var e = end - 1; e >= start; e--) if (flags[e]) return e;
        }
        else
        {
            for (var e = start; e < end; e++) if (flags[e]) return e;
        }

        return -1;
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
        var codes = new NarrowCodes(log.CaseCount);
        if (field is "events" or "groups" or "reassignments" or "reopened")
        {
            // Few distinct counts: format each once, not once per case.
            var byNumber = new Dictionary<int, int>();
            for (var c = 0; c < codes.Count; c++)
            {
                var value = field switch
                {
                    "events" => log.End(c) - log.Start(c),
                    "groups" => DistinctGroups(c),
                    "reassignments" => Reassignments(c),
                    _ => Reopened(c) ? 1 : 0,
                };
                if (!byNumber.TryGetValue(value, out var code)) byNumber[value] = code = table.Intern(value.ToString(CultureInfo.InvariantCulture));
                codes[c] = code;
            }
        }
        else if (field is "priority" or "group" or "assignment_group")
        {
            for (var c = 0; c < codes.Count; c++)
            {
                var value = field == "priority" ? CaseDimensions.PriorityOf(log, c) : CaseDimensions.GroupOf(log, c);
                codes[c] = value is null ? -1 : table.Intern(value);
            }
        }
        else if (log.FindAttribute(field) is { } attribute)
        {
            _fields[field] = cached = new FieldColumn(NarrowCodes.Of(attribute.Codes), attribute.Values);
            return cached;
        }

        _fields[field] = cached = new FieldColumn(codes, table);
        return cached;
    }

    /// <summary>Per case, the time in a date field of the record (long.MinValue when unset or no date), read one way for the whole column.</summary>
    public long[] FieldTimes(string field)
    {
        if (_fieldTimes.TryGetValue(field, out var cached)) return cached;
        var times = new long[log.CaseCount];
        Array.Fill(times, long.MinValue);
        if (log.FindAttribute(field) is { } attribute)
        {
            var column = new TimestampColumn();
            for (var c = 0; c < times.Length; c++)
            {
                if (attribute.ValueOf(c) is { Length: > 0 } text && column.TryParse(text, c + 1, c, out var ticks)) times[c] = ticks;
            }

            // An ambiguous day-first/month-first column stays read day-first here; the reader refuses such event timestamps.
            column.Finish((cases, rewrite) =>
            {
                foreach (var c in cases) times[c] = rewrite(times[c]);
            });
        }

        _fieldTimes[field] = times;
        return times;
    }

    private readonly Dictionary<string, long[]> _fieldTimes = new(StringComparer.Ordinal);

    private int DistinctGroups(int c)
    {
        if (log.Groups is not { } groups) return 0;
        // Count each group at its first event in the case: no set per case.
        var distinct = 0;
        for (var e = log.Start(c); e < log.End(c); e++)
        {
            var g = groups[e];
            if (g < 0) continue;
            var before = groups.AsSpan(log.Start(c), e - log.Start(c));
            if (!before.Contains(g)) distinct++;
        }

        return distinct;
    }

    private int Reassignments(int c)
    {
        // The tool's own count, where the log carries it, is the record of every reassignment; events may miss some.
        if (RecordCount(c, ReassignmentFields) is { } counted) return counted;
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

    // A reopening: the activity so named, or the state field leaving a final state (Resolved, Closed) for an open one.
    private bool Reopened(int c)
    {
        if (RecordCount(c, ReopenFields) is { } counted) return counted > 0;
        if (log.FindAttribute("Reopen Time") is { } reopenTime && reopenTime.ValueOf(c) is { Length: > 0 }) return true;
        _final ??= [.. log.StateValues.Values.Select(Choices.IsFinal)];
        var reopened = log.ActivityNames.Find(StateChangeDeriver.Reopened);
        var states = log.States;
        for (var e = log.Start(c); e < log.End(c); e++)
        {
            if (log.Activities[e] == reopened) return true;
            if (states is not null && e > log.Start(c) && states[e] >= 0 && states[e - 1] >= 0 && _final[states[e - 1]] && !_final[states[e]]) return true;
        }

        return false;
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
