namespace Plumb.Mining.Mapping;

using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Decides which events of a log show that one step happened, from the step's tool mapping: an event whose activity is one of
/// <c>tool.activities</c> (or the step's id or name); or a state-change event (its activity is the state's label or value) whose
/// new value of the state field is one of <c>tool.states</c>; or, for a step mapped only by <c>tool.groups</c>, an
/// assignment to one of those groups; with <c>tool.when</c>, only events whose field (the event's value where the log keeps it
/// per event, else the case's) holds one of its values. Decisions are precomputed per (activity, state) pair and per event for
/// a condition, so matching an event is a lookup or two.
/// </summary>
public sealed class StepMatcher
{
    private readonly bool[] _byActivityState;
    private readonly int _states;
    private readonly bool[]? _groups;

    /// <summary>
    /// Prepares the matcher of a step for a log; with the step's <paramref name="procedure"/>, a step of a state and groups knows
    /// the groups of the other steps of its states, so a bounce from one of them (A → B → A) is no arrival at its groups.
    /// </summary>
    public StepMatcher(Step step, EventLog log, Procedure? procedure = null)
    {
        Step = step;
        var tool = step.Tool;
        var activities = new HashSet<string>((tool?.Activities ?? []).Append(step.Id).Append(step.Name), StringComparer.OrdinalIgnoreCase);
        var choices = string.IsNullOrWhiteSpace(tool?.Table) ? StateChoices.ForLog(log) : StateChoices.For(tool.Table);
        // States of another field (major_incident_state) are not values of the log's state field; a change of that field to one
        // of them (read from the audit of the field) shows the step.
        var onStateField = tool is null || tool.EffectiveField is "state" or "incident_state";
        if (!onStateField && tool!.EffectiveField != "assignment_group")
        {
            activities.UnionWith(tool.States.Select(v => StateChangeDeriver.FieldChanged(tool.EffectiveField, v.Trim())));
        }

        var states = new HashSet<string>(onStateField ? tool?.States.Select(choices.ValueOf) ?? [] : [], StringComparer.OrdinalIgnoreCase);
        _states = log.StateValues.Count + 1;
        _byActivityState = new bool[log.ActivityNames.Count * _states];
        for (var a = 0; a < log.ActivityNames.Count; a++)
        {
            var name = log.ActivityNames[a];
            var byName = activities.Contains(name);
            for (var s = -1; s < log.StateValues.Count; s++)
            {
                var byState = false;
                if (s >= 0 && states.Count > 0)
                {
                    var value = log.StateValues[s];
                    var isStateChange = name == choices.LabelOf(value) || name == value || name == StateChangeDeriver.Reopened;
                    byState = isStateChange && states.Contains(value);
                }
                else if (s < 0 && states.Count > 0)
                {
                    // No state column: a state-change activity named after a mapped state still shows the step.
                    byState = states.Any(v => name.Equals(choices.LabelOf(v), StringComparison.OrdinalIgnoreCase));
                }

                _byActivityState[(a * _states) + s + 1] = byName || byState;
            }
        }

        // A field's value that tells the step apart (ST Level L1 is the service desk's work): no field in the log, no event shows it.
        if (tool?.When is { Attribute.Length: > 0 } condition) _meets = Meets(condition, log);

        // A step shown by the group field (only groups mapped, or field: assignment_group) is an assignment into its groups.
        var onlyGroups = tool is not null && tool.Groups.Count > 0
            && ((tool.Activities.Count == 0 && tool.States.Count == 0) || tool.EffectiveField == "assignment_group");

        // A step of a state and groups (restore service: In Progress, worked by the resolvers) after a step of the same state
        // (bridge opened: In Progress) shows in an audit only as the ticket arriving at its groups in that state.
        var inStates = !onlyGroups && tool is { Groups.Count: > 0 } && onStateField && states.Count > 0;
        if ((onlyGroups || inStates) && log.Groups is not null)
        {
            _groups = new bool[log.GroupNames.Count];
            for (var g = 0; g < _groups.Length; g++) _groups[g] = tool!.Groups.Contains(log.GroupNames[g], StringComparer.OrdinalIgnoreCase);
            _assignments = [log.ActivityNames.Find("Assigned"), log.ActivityNames.Find(StateChangeDeriver.Reassigned)];
            if (inStates)
            {
                _inStates = log.StateValues.Values.Select(states.Contains).ToArray();
                var home = (procedure?.Steps ?? []).Where(o => o != step && o.Tool is { } t && t.EffectiveField is "state" or "incident_state"
                    && t.States.Any(v => states.Contains(choices.ValueOf(v)))).SelectMany(o => o.Tool!.Groups).ToHashSet(StringComparer.OrdinalIgnoreCase);
                _homes = procedure is null ? null : log.GroupNames.Values.Select(home.Contains).ToArray();
            }
        }
    }

    // For a step of states and groups: per state code, whether an assignment in that state can show the step; null = any state.
    private readonly bool[]? _inStates;

    // For a step of states and groups: per group code, whether another step of those states is worked by the group.
    private readonly bool[]? _homes;

    private readonly int[] _assignments = [];

    // With a condition (tool.when): per event, whether its field (the event's value, else its case's) meets it; null = no condition.
    private readonly bool[]? _meets;

    private static bool[] Meets(ToolCondition condition, EventLog log)
    {
        var meets = new bool[log.EventCount];
        var values = new HashSet<string>(condition.Values.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
        var perEvent = log.FindEventAttribute(condition.Attribute);
        var perCase = log.FindAttribute(condition.Attribute);
        var eventOk = perEvent?.Values.Values.Select(values.Contains).ToArray();
        var caseOk = perCase?.Values.Values.Select(values.Contains).ToArray();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var caseCode = perCase?.Codes[c] ?? -1;
            var byCase = caseCode >= 0 && caseOk![caseCode];
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var code = perEvent?.Codes[e] ?? -1;
                meets[e] = code >= 0 ? eventOk![code] : byCase;
            }
        }

        return meets;
    }

    /// <summary>The step.</summary>
    public Step Step { get; }

    /// <summary>True when the event at this index shows the step.</summary>
    public bool Matches(EventLog log, int e)
    {
        if (_meets is not null && !_meets[e]) return false;
        var state = log.States?[e] ?? -1;
        if (_byActivityState[(log.Activities[e] * _states) + state + 1]) return true;
        if (_groups is null || log.Groups![e] < 0 || !_groups[log.Groups[e]]) return false;
        if (Array.IndexOf(_assignments, log.Activities[e]) < 0) return false;
        if (_inStates is not null && (state < 0 || !_inStates[state])) return false;

        // A reassignment among the step's own groups (a resolver handing to another resolver and back) is not the ticket
        // arriving at them: only one from outside the groups is.
        // Nor is a group change made in the same update as a change of state (closed, then reopened to a resolver): it
        // belongs to the step that state shows.
        if (e + 1 < log.EventCount && log.Timestamps[e + 1] == log.Timestamps[e] && log.States is { } states && states[e + 1] != states[e]) return false;
        if (log.Activities[e] != _assignments[1] || e == 0) return true;
        var before = log.Groups[e - 1];
        if (before >= 0 && _groups[before]) return false;

        // Nor is a ping-pong: handed to the group and straight back to where it came from (A → B → A). A step of a state and
        // groups may be that shape itself (the major incident manager hands the restoring to a resolver, who hands it back),
        // unless A works another step of the state (the service desk bouncing a ticket it is matching).
        if (_homes is not null && (before < 0 || !_homes[before])) return true;
        return e + 1 >= log.EventCount || log.Activities[e + 1] != _assignments[1] || log.Groups[e + 1] != before;
    }

    /// <summary>True when the step's groups name this group (a step without groups accepts any).</summary>
    public bool WorkedBy(string? group) => Step.Tool is not { Groups.Count: > 0 } tool || (group is not null && tool.Groups.Contains(group, StringComparer.OrdinalIgnoreCase));
}
