namespace Plumb.Mining.Mapping;

using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>What a proposal adds to a step's tool mapping: an activity name, or a value (or label) of the state field.</summary>
public enum MappingTarget
{
    /// <summary>An entry of <c>tool.activities</c>.</summary>
    Activity,

    /// <summary>An entry of <c>tool.states</c>.</summary>
    State,

    /// <summary>
    /// <c>tool.observable: false</c>: the log shows no event of the step, or so few that it does not record the step (a step
    /// every case must pass to reach a later one is shown in under 5 % of the cases that reach it), so replay treats it as silent.
    /// </summary>
    Unobservable,

    /// <summary>An entry of <c>tool.groups</c>: an assignment group most of whose events the step's states or activities show.</summary>
    Group,

    /// <summary>
    /// <c>tool.when</c>: a field whose values split the events of two steps that the tool records alike (the first line's work at
    /// ST Level L1 is the service desk matching known fixes, at L2 and L3 a resolver investigating); the proposal carries the
    /// condition and the activities the step takes over.
    /// </summary>
    Condition,
}

/// <summary>
/// A proposed addition to a step's tool mapping, with the events of the log it maps and why (the meaning read from the
/// activity's words, e.g. "on hold" for <c>Accepted-Wait - User</c> or <c>Awaiting User Info</c>).
/// </summary>
public sealed record MappingProposal(string Step, MappingTarget Target, string Value, int Events, string Reason)
{
    /// <summary>For a <see cref="MappingTarget.Condition"/>: the condition the step's events meet.</summary>
    public ToolCondition? When { get; init; }

    /// <summary>For a <see cref="MappingTarget.Condition"/>: the activities the step takes over with the condition.</summary>
    public IReadOnlyList<string> Activities { get; init; } = [];
}

/// <summary>
/// Proposes tool mappings from a log: every activity that maps to no step is read for what it means in ITSM terms (logged,
/// categorised, assigned, in progress, on hold, resolved, closed, canceled), in the vocabulary of ServiceNow (including
/// its legacy incident states such as Active and Awaiting User Info), the BPI Challenge logs and common help-desk tools;
/// the meaning names a state of the procedure's table, and the step whose <c>tool.states</c> hold that state (or whose
/// name says the meaning) gets the activity, or the state label when the activity is a state of the log. Activities whose
/// words say nothing known stay unmapped: a proposal is never a guess from nothing.
/// </summary>
public static class MappingProposer
{
    // Ordered: the first meaning whose words occur in the activity wins ("Assign seriousness" is categorising, not assigning;
    // "Queued-Awaiting Assignment" is waiting for assignment, not on hold; "Resolve SW anomaly" is resolving).
    private static readonly Meaning[] Meanings =
    [
        new("canceled", ["cancel", "invalid", "duplicate", "withdrawn", "abandon", "rejected"], "Canceled", ["cancel", "close"]),
        new("reopened", ["reopen"], null, ["reopen", "investigat", "diagnos"]),
        new("closed", ["close"], "Closed", ["close"]),
        new("resolved", ["resolv", "solved", "fixed", "in call", "complete"], "Resolved", ["resolv"]),
        new("categorised", ["seriousness", "priorit", "categor", "classif", "impact", "urgency"], null, ["categor", "prioriti", "classif"]),
        new("assigned", ["assign", "queued", "upgrade", "escalat", "transfer", "dispatch", "route", "routing"], null,
            ["assign", "route", "dispatch", "escalat", "assess"]),
        new("on hold", ["wait", "hold", "awaiting", "pending", "suspend", "paused"], "On Hold", ["investigat", "diagnos", "hold", "wait"]),
        new("in progress", ["progress", "accepted", "active", "work", "investigat", "diagnos", "take in charge", "analys", "schedule",
            "intervention", "anomaly", "update", "research"], "In Progress", ["investigat", "diagnos", "work", "analys"]),
        new("logged", ["new", "insert", "log", "open", "creat", "regist", "submit", "report"], "New", ["log", "record", "register"]),
    ];

    /// <summary>The proposals for the activities of the log that map to no step of the procedure, most events first.</summary>
    public static IReadOnlyList<MappingProposal> Propose(Procedure procedure, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(log);
        var mapping = ProcedureMapping.Map(procedure, log);
        var choices = StateChoices.ForSteps(procedure.Steps, log);
        var logChoices = StateChoices.ForLog(log);
        var stateLabels = new HashSet<string>(log.StateValues.Values, StringComparer.OrdinalIgnoreCase);
        var proposals = new List<MappingProposal>();
        foreach (var unmapped in mapping.Unmapped)
        {
            var words = unmapped.Activity.ToLowerInvariant();
            var meaning = Meanings.FirstOrDefault(m => m.Words.Any(w => words.Contains(w, StringComparison.Ordinal)));
            if (meaning is null || Choose(procedure, meaning, choices) is not { } step) continue;

            // A state of the log whose label is not the table's (a legacy "Awaiting User Info") is mapped as a state, so the
            // step follows the state field; anything else by its activity name.
            var isState = stateLabels.Contains(unmapped.Activity) && logChoices.LabelOf(unmapped.Activity) == unmapped.Activity;
            proposals.Add(new MappingProposal(step.Id, isState ? MappingTarget.State : MappingTarget.Activity, unmapped.Activity, unmapped.Events,
                $"reads as {meaning.Name}"));
        }

        // The log mapped once with the proposals: where each proposed activity comes, and which steps no event shows. Only
        // reasons change after this, so the mapping stays valid for both.
        var trial = Clone(procedure);
        Apply(trial, proposals);
        var stepOf = ProcedureMapping.Map(trial, log).StepOfEvent;
        proposals = InOrder(trial, log, stepOf, proposals);
        if (Conditions(trial, log, stepOf, choices) is { Count: > 0 } conditions)
        {
            // The split moves events between steps: map again with it, so the groups and the steps no event shows follow it.
            proposals.AddRange(conditions);
            Apply(trial, conditions);
            stepOf = ProcedureMapping.Map(trial, log).StepOfEvent;
        }

        proposals.AddRange(Groups(trial, log, stepOf));

        // A step that no event shows even with the proposals is one this tool (or this export) does not record: proposed as not
        // observable, so replay does not count its absence against every case. So is a step the log shows so rarely that it
        // plainly does not record it: on the help-desk log only 118 of 4,580 tickets have "Insert ticket", though every ticket
        // is logged before it is worked.
        var cases = CasesPerStep(trial, log, stepOf);
        var dominated = Dominated(trial);
        for (var s = 0; s < trial.Steps.Count; s++)
        {
            if (trial.Steps[s].Tool is { Observable: false }) continue;
            if (cases[s] == 0)
            {
                proposals.Add(new MappingProposal(trial.Steps[s].Id, MappingTarget.Unobservable, "false", 0, "no event of the log shows it"));
                continue;
            }

            var later = Enumerable.Range(0, trial.Steps.Count).Where(t => dominated[s][t]).OrderByDescending(t => cases[t]).FirstOrDefault(-1);
            if (later < 0 || cases[s] * 20 >= cases[later]) continue;
            proposals.Add(new MappingProposal(trial.Steps[s].Id, MappingTarget.Unobservable, "false", 0,
                $"shown in {cases[s]:N0} of the {cases[later]:N0} cases that reach {trial.Steps[later].Id}, which comes only after it: the log rarely records it"));
        }

        return proposals;
    }

    /// <summary>
    /// Where in the cases an activity comes, beside what its words say: an activity proposed for a step that, in most of the
    /// cases that have it, comes right after an event of a later step of the procedure is said so in the proposal's reason
    /// ("comes after investigate in 74 % of its cases"). The step stays the one its words name: on BPI Challenge 2013 a
    /// "Queued-Awaiting Assignment" after the work began is a ticket sent on to another team, rework the baseline's procedure
    /// does not allow, and moving it into the later step would hide that and the first-line resolution that depends on it.
    /// </summary>
    private static List<MappingProposal> InOrder(Procedure trial, EventLog log, sbyte[] stepOf, List<MappingProposal> proposals)
    {
        var result = new List<MappingProposal>(proposals.Count);
        foreach (var proposal in proposals)
        {
            var code = log.ActivityNames.Find(proposal.Value);
            var own = trial.Steps.FindIndex(s => s.Id == proposal.Step);
            if (proposal.Target != MappingTarget.Activity || code < 0 || own < 0)
            {
                result.Add(proposal);
                continue;
            }

            // Per case with the activity: the step of the last mapped event of another step before its first occurrence.
            var before = new int[trial.Steps.Count];
            var cases = 0;
            for (var c = 0; c < log.CaseCount; c++)
            {
                var previous = -1;
                for (var e = log.Start(c); e < log.End(c); e++)
                {
                    if (log.Activities[e] == code)
                    {
                        cases++;
                        if (previous >= 0) before[previous]++;
                        break;
                    }

                    if (stepOf[e] >= 0 && stepOf[e] != own) previous = stepOf[e];
                }
            }

            var later = Enumerable.Range(own + 1, Math.Max(0, before.Length - own - 1)).Where(s => trial.Steps[s].Call is null)
                .OrderByDescending(s => before[s]).FirstOrDefault(-1);
            var afterLater = Enumerable.Range(own + 1, Math.Max(0, before.Length - own - 1)).Sum(s => before[s]);
            if (later >= 0 && cases > 0 && afterLater * 2 > cases)
            {
                result.Add(proposal with
                {
                    Reason = $"{proposal.Reason}; comes after {trial.Steps[later].Id} in {100 * before[later] / cases} % of its cases",
                });
                continue;
            }

            result.Add(proposal);
        }

        return result;
    }

    /// <summary>
    /// Conditions that split a step's events with the step before it that the tool records alike: a step S with events and an
    /// earlier step M on one of its states that shows almost none (under 5 % of S's); a field kept per event with 2 to 8 values
    /// over S's events that tells apart events of one activity (at least 10 % of them differ from their activity's usual value)
    /// and changes within at least 10 % of the cases, one of whose values (v, with 10 to 90 % of the events) opens S in at least
    /// 75 % of its cases and comes first in at least 75 % of the cases where the field changes. M is proposed
    /// <c>when: field in [v]</c> with S's activities of those events, S the other values. On BPI Challenge 2013, ST Level L1
    /// is the service desk's work before a ticket goes to L2 or L3.
    /// </summary>
    private static List<MappingProposal> Conditions(Procedure trial, EventLog log, sbyte[] stepOf, StateChoices choices)
    {
        var result = new List<MappingProposal>();
        if (log.EventAttributes.Count == 0) return result;
        var events = new int[trial.Steps.Count];
        foreach (var step in stepOf) if (step >= 0) events[step]++;
        var taken = new HashSet<int>();
        for (var si = 0; si < trial.Steps.Count; si++)
        {
            var s = trial.Steps[si];
            if (events[si] < 20 || s.Tool is not { When: null } sTool || taken.Contains(si)) continue;
            var sStates = sTool.States.Select(choices.ValueOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var mi = Enumerable.Range(0, si).FirstOrDefault(m => !taken.Contains(m) && trial.Steps[m] is { Call: null, Tool: { Observable: true, When: null } t }
                && t.States.Any(v => sStates.Contains(choices.ValueOf(v))) && events[m] * 20 < events[si], -1);
            if (mi < 0) continue;
            MappingProposal? best = null;
            var bestShare = 0.0;
            string[] others = [];
            foreach (var attribute in log.EventAttributes.Values)
            {
                if (Split(log, stepOf, si, attribute) is not { } split || split.First <= bestShare) continue;
                bestShare = split.First;
                others = split.Others;
                var activities = Enumerable.Range(0, log.EventCount).Where(e => stepOf[e] == si && attribute.Codes[e] == split.Value)
                    .Select(e => log.ActivityNames[log.Activities[e]]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var name = attribute.Values[split.Value];
                best = new MappingProposal(trial.Steps[mi].Id, MappingTarget.Condition, $"{attribute.Name} = {name}", split.Events,
                    $"{attribute.Name} tells {s.Id}'s events apart: {name} opens it in {100 * split.Opens:F0} % of its cases and comes first in {100 * split.First:F0} % of those where {attribute.Name} changes")
                {
                    When = new ToolCondition { Attribute = attribute.Name, Values = [name] }, Activities = activities,
                };
            }

            if (best is null) continue;
            result.Add(best);
            result.Add(new MappingProposal(s.Id, MappingTarget.Condition, $"{best.When!.Attribute} = {string.Join(", ", others)}", events[si] - best.Events,
                $"the rest of its events, once {trial.Steps[mi].Id} takes {best.When.Values[0]}")
            {
                When = new ToolCondition { Attribute = best.When.Attribute, Values = [.. others] },
            });
            taken.Add(si);
            taken.Add(mi);
        }

        return result;
    }

    private sealed record FieldSplit(int Value, string[] Others, int Events, double Opens, double First);

    // The value of the field that opens the step in most of its cases and comes first in the cases where the field changes; only a
    // field that tells apart events of one activity (not Sub Status, which the activity already says) and changes within cases.
    private static FieldSplit? Split(EventLog log, sbyte[] stepOf, int step, EventAttribute attribute)
    {
        var counts = new Dictionary<int, int>();
        var byActivity = new Dictionary<(int Activity, int Value), int>();
        int cases = 0, changing = 0;
        var opens = new Dictionary<int, int>();
        var firstWhenChanging = new Dictionary<int, int>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var first = -1;
            var changes = false;
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var code = attribute.Codes[e];
                if (stepOf[e] != step || code < 0) continue;
                counts[code] = counts.GetValueOrDefault(code) + 1;
                byActivity[(log.Activities[e], code)] = byActivity.GetValueOrDefault((log.Activities[e], code)) + 1;
                if (first < 0) first = code;
                else if (code != first) changes = true;
            }

            if (first < 0) continue;
            cases++;
            opens[first] = opens.GetValueOrDefault(first) + 1;
            if (!changes) continue;
            changing++;
            firstWhenChanging[first] = firstWhenChanging.GetValueOrDefault(first) + 1;
        }

        if (counts.Count is < 2 or > 8 || cases == 0 || changing * 10 < cases) return null;
        var total = counts.Values.Sum();
        var withinActivity = total - byActivity.GroupBy(p => p.Key.Activity).Sum(g => g.Max(p => p.Value));
        if (withinActivity * 10 < total) return null;
        var value = opens.MaxBy(p => p.Value).Key;
        var opensShare = (double)opens[value] / cases;
        var firstShare = (double)firstWhenChanging.GetValueOrDefault(value) / changing;
        var events = counts[value];
        if (opensShare < 0.75 || firstShare < 0.75 || events * 10 < total || events * 10 > total * 9) return null;
        var others = counts.Keys.Where(k => k != value).Select(k => attribute.Values[k]).Order(StringComparer.Ordinal).ToArray();
        return new FieldSplit(value, others, events, opensShare, firstShare);
    }

    /// <summary>
    /// Groups for steps: a group of the log that holds at least 1 % of the mapped events, most of which (at least 60 %) show one
    /// step that works by its states or activities and does not name the group yet. The share is the group's events on that
    /// step. Smaller groups are left out: on BPI Challenge 2013 hundreds of teams touch a few tickets each.
    /// </summary>
    private static List<MappingProposal> Groups(Procedure trial, EventLog log, sbyte[] stepOf)
    {
        if (log.Groups is not { } groups) return [];
        var steps = trial.Steps.Count;
        var counts = new int[log.GroupNames.Count * steps];
        var mapped = new int[log.GroupNames.Count];
        var total = 0L;
        for (var e = 0; e < log.EventCount; e++)
        {
            if (groups[e] < 0 || stepOf[e] < 0) continue;
            counts[(groups[e] * steps) + stepOf[e]]++;
            mapped[groups[e]]++;
            total++;
        }

        var found = new List<MappingProposal>();
        for (var g = 0; g < mapped.Length; g++)
        {
            if (mapped[g] == 0 || mapped[g] * 100L < total) continue;
            var best = Enumerable.Range(0, steps).MaxBy(s => counts[(g * steps) + s]);
            var n = counts[(g * steps) + best];
            var step = trial.Steps[best];
            var name = log.GroupNames[g];
            if (n * 10 < mapped[g] * 6 || step.Call is not null || step.Tool is not { } tool) continue;
            if (tool.States.Count == 0 && tool.Activities.Count == 0) continue;
            if (tool.Groups.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            found.Add(new MappingProposal(step.Id, MappingTarget.Group, name, n, $"{100 * n / mapped[g]} % of the group's mapped events show this step"));
        }

        return [.. found.OrderByDescending(p => p.Events).ThenBy(p => p.Value, StringComparer.Ordinal)];
    }

    // Per step, the cases with at least one event of it.
    private static int[] CasesPerStep(Procedure trial, EventLog log, sbyte[] stepOf)
    {
        var cases = new int[trial.Steps.Count];
        var last = new int[trial.Steps.Count];
        Array.Fill(last, -1);
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.Start(c); e < log.End(c); e++)
            {
                var s = stepOf[e];
                if (s < 0 || last[s] == c) continue;
                last[s] = c;
                cases[s]++;
            }
        }

        return cases;
    }

    // dominated[s][t]: every way forward from the first step to t passes s (loops back, such as reopening, left out), so a
    // case at t has done s. Computed by removing s and seeing what the first step still reaches.
    private static bool[][] Dominated(Procedure procedure)
    {
        var n = procedure.Steps.Count;
        var forward = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            forward[i] = procedure.Successors(i).Select(id => procedure.Steps.FindIndex(x => x.Id == id)).Where(j => j > i).ToList();
        }

        bool[] Reached(int without)
        {
            var reached = new bool[n];
            var stack = new Stack<int>();
            if (without != 0 && n > 0)
            {
                reached[0] = true;
                stack.Push(0);
            }

            while (stack.Count > 0)
            {
                foreach (var j in forward[stack.Pop()].Where(j => j != without && !reached[j]))
                {
                    reached[j] = true;
                    stack.Push(j);
                }
            }

            return reached;
        }

        var all = Reached(-1);
        var result = new bool[n][];
        for (var s = 0; s < n; s++)
        {
            var reached = Reached(s);
            result[s] = new bool[n];
            for (var t = 0; t < n; t++) result[s][t] = t != s && all[t] && !reached[t];
        }

        return result;
    }

    // The procedure with copies of the steps' tool mappings, so trying the proposals leaves the handbook as it is.
    private static Procedure Clone(Procedure procedure) => new()
    {
        Id = procedure.Id,
        Steps = procedure.Steps.Select(s => new Step
        {
            Id = s.Id, Name = s.Name, Kind = s.Kind, Next = s.Next, Decision = s.Decision, Join = s.Join, Call = s.Call,
            Tool = s.Tool is { } t
                ? new ToolMapping
                {
                    Table = t.Table, Field = t.Field, States = [.. t.States], Groups = [.. t.Groups], Activities = [.. t.Activities], Observable = t.Observable,
                    When = t.When is { } w ? new ToolCondition { Attribute = w.Attribute, Values = [.. w.Values] } : null,
                }
                : null,
        }).ToList(),
    };

    /// <summary>Adds the proposals to the steps' tool mappings (a step without one gets one on the procedure's table).</summary>
    public static void Apply(Procedure procedure, IEnumerable<MappingProposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var table = procedure.Steps.Select(s => s.Tool?.Table).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        foreach (var proposal in proposals)
        {
            var step = procedure.Steps.Find(s => s.Id == proposal.Step) ?? throw new ArgumentException($"no step '{proposal.Step}'", nameof(proposals));
            step.Tool ??= new ToolMapping { Table = table };
            if (proposal.Target == MappingTarget.Unobservable)
            {
                step.Tool.Observable = false;
                continue;
            }

            if (proposal.Target == MappingTarget.Condition)
            {
                if (proposal.When is { } when) step.Tool.When = new ToolCondition { Attribute = when.Attribute, Values = [.. when.Values] };
                foreach (var activity in proposal.Activities.Where(a => !step.Tool.Activities.Contains(a, StringComparer.OrdinalIgnoreCase))) step.Tool.Activities.Add(activity);
                continue;
            }

            var list = proposal.Target switch
            {
                MappingTarget.State => step.Tool.States,
                MappingTarget.Group => step.Tool.Groups,
                _ => step.Tool.Activities,
            };
            if (!list.Contains(proposal.Value, StringComparer.OrdinalIgnoreCase)) list.Add(proposal.Value);
        }
    }

    // The step for a meaning: among the steps mapped to the meaning's state, the first whose id or name says the meaning
    // (else the first of them); with no step on that state, the first step whose id or name says it.
    private static Step? Choose(Procedure procedure, Meaning meaning, StateChoices choices)
    {
        var steps = procedure.Steps.Where(s => s.Call is null).ToList();
        bool Says(Step s) => meaning.StepWords.Any(w => s.Id.Contains(w, StringComparison.OrdinalIgnoreCase) || s.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (meaning.State is { } label)
        {
            var value = ValueOf(label, choices);
            var onState = steps.Where(s => s.Tool?.States.Any(v => choices.ValueOf(v) == value) == true).ToList();
            if (onState.Count > 0) return onState.FirstOrDefault(Says) ?? onState[0];
        }

        return steps.FirstOrDefault(Says);
    }

    // The table's value for an incident-worded state: its own label where it has one, else the state that plays the part
    // (a problem's New is 101, its work goes on in Fix in Progress, it ends Resolved and Closed).
    private static string ValueOf(string label, StateChoices choices)
    {
        var value = choices.ValueOf(label);
        if (choices.LabelOf(value) != value) return value;
        return label switch
        {
            "New" => choices.NewValue,
            "In Progress" or "On Hold" => choices.ReopenValue,
            "Resolved" => choices.ResolvedValue ?? choices.ClosedValue,
            "Closed" or "Canceled" => choices.ClosedValue,
            _ => value,
        };
    }

    private sealed record Meaning(string Name, string[] Words, string? State, string[] StepWords);
}
