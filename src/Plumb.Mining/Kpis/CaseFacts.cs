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

    /// <summary>The time of a milestone in a case, or null when the case has no such event.</summary>
    public long? Time(Milestone milestone, int c)
    {
        var (start, end) = (log.Start(c), log.End(c));
        if (start == end) return null;
        switch (milestone.Kind)
        {
            case MilestoneKind.Start: return log.Timestamps[start];
            case MilestoneKind.End: return log.Timestamps[end - 1];
        }

        var flags = Matches(milestone.Target!);
        if (milestone.Last)
        {
            for (var e = end - 1; e >= start; e--) if (flags[e]) return log.Timestamps[e];
        }
        else
        {
            for (var e = start; e < end; e++) if (flags[e]) return log.Timestamps[e];
        }

        return null;
    }

    /// <summary>Hours from one milestone to the other, or null when either is missing or the second comes first.</summary>
    public double? Hours(Milestone from, Milestone to, int c)
    {
        if (Time(from, c) is not { } a || Time(to, c) is not { } b || b < a) return null;
        return (b - a) / (double)TimeSpan.TicksPerHour;
    }

    public int Visits(Target target, int c)
    {
        var flags = Matches(target);
        var n = 0;
        for (var e = log.Start(c); e < log.End(c); e++) if (flags[e]) n++;
        return n;
    }

    /// <summary>The value of a field for a case: derived fields, then priority and group, then any case attribute.</summary>
    public string? Field(string field, int c) => field switch
    {
        "events" => (log.End(c) - log.Start(c)).ToString(CultureInfo.InvariantCulture),
        "groups" => DistinctGroups(c).ToString(CultureInfo.InvariantCulture),
        "reassignments" => Reassignments(c).ToString(CultureInfo.InvariantCulture),
        "reopened" => Reopened(c) ? "1" : "0",
        "priority" => CaseDimensions.PriorityOf(log, c),
        "group" or "assignment_group" => CaseDimensions.GroupOf(log, c),
        _ => log.FindAttribute(field)?.ValueOf(c),
    };

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
        for (var e = log.Start(c); e < log.End(c); e++) if (_reopenEvents[e]) return true;
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
