namespace Plumb.Mining.Generation;

using Plumb.Handbook.Model;
using Plumb.Mining.Readers;

public sealed partial class LogGenerator
{
    /// <summary>One case's walk through the procedure.</summary>
    private sealed class CaseWalk(LogGenerator g, string id, int caseIndex, string priority, long opened)
    {
        private readonly List<int> _path = [];
        private long _time = opened;
        private string? _group;
        private int _reassignAt = -1;

        public void Run()
        {
            Walk(0, -1);
            var steps = g._procedure.Steps;
            if (_path.Count == 0) return;

            // Out of order: two consecutive steps done the other way round.
            if (_path.Count > 2 && g.Chance(g._options.SwapRate))
            {
                var at = 1 + g._random.Next(_path.Count - 2);
                (_path[at], _path[at + 1]) = (_path[at + 1], _path[at]);
                g._injected.Add(new InjectedDeviation(id, "out-of-order", steps[_path[at]].Id));
            }

            // Reopen: the last state-mapped resolving step done again after a Reopened event.
            var done = g._choices.ResolvedValue ?? g._choices.ClosedValue;
            var resolve = _path.FindLastIndex(s => steps[s].Tool?.States.Any(v => g._choices.ValueOf(v) == done) == true);
            var reopenAt = resolve >= 0 && g.Chance(g._options.ReopenRate) ? resolve : -1;

            // Each rate is a chance per case, as its option says: a case skips at most one step and is reassigned at most once,
            // however many steps it walks (per step, an eight-step case deviated about eight times as often as the rate said).
            var skipAt = _path.Count > 1 && g.Chance(g._options.SkipRate) ? 1 + g._random.Next(_path.Count - 1) : -1;
            _reassignAt = _path.Count > 1 && g.Chance(g._options.ReassignRate) ? 1 + g._random.Next(_path.Count - 1) : -1;
            for (var i = 0; i < _path.Count; i++)
            {
                var step = steps[_path[i]];
                if (i == skipAt)
                {
                    g._injected.Add(new InjectedDeviation(id, "skipped", step.Id));
                    continue;
                }

                Emit(step, i);
                if (i == reopenAt)
                {
                    _time += g.Hours(24);
                    Add(StateChangeDeriver.Reopened, g._choices.ReopenValue, null);
                    g._injected.Add(new InjectedDeviation(id, "reopened", step.Id));
                    Emit(step, i);
                }
            }
        }

        private void Walk(int step, int stopAt)
        {
            var steps = g._procedure.Steps;
            var guard = 0;
            while (step >= 0 && step < steps.Count && step != stopAt && guard++ < 100)
            {
                _path.Add(step);
                var targets = g._procedure.Successors(step).Select(IndexOf).ToList();
                if (steps[step].Decision is { Branches.Count: > 0 } decision)
                {
                    if (decision.Kind == DecisionKind.Parallel)
                    {
                        var join = FindJoin(targets);
                        foreach (var target in targets.OrderBy(_ => g._random.Next())) Walk(target, join);
                        step = join;
                        continue;
                    }

                    step = targets[g._random.Next(targets.Count)];
                    continue;
                }

                step = targets[0];
            }
        }

        private int FindJoin(List<int> targets)
        {
            var steps = g._procedure.Steps;
            var join = steps.FindIndex(s => s.Join == JoinKind.All);
            return join >= 0 && !targets.Contains(join) ? join : -1;
        }

        private int IndexOf(string reference)
        {
            if (reference == Step.End) return -1;
            var idPart = reference.Contains('/', StringComparison.Ordinal) ? reference[(reference.LastIndexOf('/') + 1)..] : reference;
            return g._procedure.Steps.FindIndex(s => s.Id == idPart);
        }

        private void Emit(Step step, int position)
        {
            var groups = g.GroupsOf(step).ToArray();
            if (groups.Length > 0 && (_group is null || !groups.Contains(_group))) _group = groups[g._random.Next(groups.Length)];
            var scale = priority switch { "1" => 0.25, "2" => 0.5, "3" => 1.0, _ => 1.5 };
            if (position == _reassignAt)
            {
                _reassignAt = -1;
                // A reassignment to another group, which hands the ticket back: ping-pong between two groups.
                var home = _group;
                var other = g._allGroups.Where(x => x != home).ToArray();
                if (other.Length > 0)
                {
                    _time += g.Hours(g._options.MeanStepHours * scale);
                    _group = other[g._random.Next(other.Length)];
                    Add(StateChangeDeriver.Reassigned, null, null);
                    _time += g.Hours(g._options.MeanStepHours * scale);
                    _group = home;
                    Add(StateChangeDeriver.Reassigned, null, null);
                    g._injected.Add(new InjectedDeviation(id, "reassigned", step.Id));
                }
            }

            var events = g.EventsOf(step);
            foreach (var (activity, state, value) in events)
            {
                if (position > 0 || activity != events[0].Activity) _time += g.Hours(g._options.MeanStepHours * scale);
                Add(activity, state, value is null ? null : (step.Tool!.EffectiveField, value));
            }
        }

        private void Add(string activity, string? state, (string Field, string Value)? field)
        {
            var b = g._builder;
            var resource = _group is null ? -1 : b.ResourceNames.Intern($"{_group.Split(' ')[0].ToLowerInvariant()}-{1 + g._random.Next(6)}");
            b.Add(caseIndex, b.ActivityNames.Intern(activity), _time, resource,
                _group is null ? -1 : b.GroupNames.Intern(_group),
                state is null ? -1 : b.StateValues.Intern(state),
                b.PriorityValues.Intern(priority));
            if (field is var (name, value)) b.SetEventAttribute(b.EventAttributeSlot(name), value);
        }
    }
}
