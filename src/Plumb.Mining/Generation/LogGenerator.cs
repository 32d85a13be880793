namespace Plumb.Mining.Generation;

using System.Globalization;
using Plumb.Handbook.Model;
using Plumb.Handbook.Tool;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>A deviation the generator put into a case on purpose, so tests can check that analysis finds it.</summary>
public sealed record InjectedDeviation(string Case, string Kind, string Step);

/// <summary>A generated log and the deviations injected into it.</summary>
public sealed record GeneratedLog(EventLog Log, IReadOnlyList<InjectedDeviation> Injected);

/// <summary>
/// Simulates ticket histories from a documented procedure: each case walks the steps (random branch at exclusive decisions,
/// every branch at parallel ones), each step shows as the events its tool mapping names (one per state or activity; else the
/// step name), worked by the step's group. Deviations are injected at the configured rates and returned with the log.
/// </summary>
public sealed partial class LogGenerator
{
    private static readonly string[] Priorities = ["1", "2", "3", "4"];
    private static readonly double[] PriorityWeights = [0.05, 0.15, 0.5, 0.3];

    private readonly Handbook _handbook;
    private readonly Procedure _procedure;
    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly EventLogBuilder _builder = new();
    private readonly List<InjectedDeviation> _injected = [];
    private readonly string[] _allGroups;
    private readonly StateChoices _choices;
    private readonly string _prefix;
    private readonly string _table;

    private LogGenerator(Handbook handbook, Procedure procedure, GeneratorOptions options)
    {
        _handbook = handbook;
        _procedure = procedure;
        _options = options;
        _random = new Random(options.Seed);
        _choices = StateChoices.ForSteps(procedure.Steps);
        // The records are of the table the steps name (kb_knowledge for an article), even where its states are not a task table's.
        _table = procedure.Steps.Select(s => s.Tool?.Table).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim() ?? _choices.Table;
        _prefix = TicketNumbers.PrefixOf(_table) ?? TicketNumbers.PrefixOf(_choices.Table) ?? "INC";
        _allGroups = procedure.Steps.SelectMany(GroupsOf).Concat(["Service Desk", "Network", "Applications"]).Distinct().ToArray();
    }

    /// <summary>Generates a log for a procedure of the handbook.</summary>
    public static GeneratedLog Generate(Handbook handbook, Procedure procedure, GeneratorOptions options)
    {
        var generator = new LogGenerator(handbook, procedure, options);
        generator._builder.Table = generator._table;
        generator.Run();
        return new GeneratedLog(generator._builder.Build(), generator._injected);
    }

    private void Run()
    {
        var opened = _options.Start.Ticks;
        var width = Math.Max(1, _options.Cases.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < _options.Cases; i++)
        {
            opened += Hours(24.0 / _options.CasesPerDay);
            var id = _prefix + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(7, width), '0');
            var priority = Pick(Priorities, PriorityWeights);
            var caseIndex = _builder.Case(id);
            _builder.SetAttribute(caseIndex, "priority", priority);
            _builder.SetAttribute(caseIndex, "category", Pick(["network", "software", "hardware", "inquiry"], [0.3, 0.4, 0.2, 0.1]));
            var walk = new CaseWalk(this, id, caseIndex, priority, opened);
            walk.Run();
        }
    }

    private IEnumerable<string> GroupsOf(Step step)
    {
        if (step.Tool is { Groups.Count: > 0 } tool) return tool.Groups;
        return step.Raci.Responsible.Select(r => _handbook.FindRole(r)).Where(r => r is not null).SelectMany(r => r!.Groups);
    }

    private long Hours(double meanHours) => (long)(-Math.Log(1 - _random.NextDouble()) * meanHours * TimeSpan.TicksPerHour);

    private T Pick<T>(T[] values, double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return values[i];
        }

        return values[^1];
    }

    private bool Chance(double rate) => rate > 0 && _random.NextDouble() < rate;

    private IReadOnlyList<(string Activity, string? State, string? FieldValue)> EventsOf(Step step)
    {
        // The state field takes only states of the state field (not major_incident_state's); a step with activities sets its
        // first state, the one it is done in (close is Closed, not Canceled).
        var onStateField = step.Tool is { } t && t.EffectiveField is "state" or "incident_state";

        // A step on another field of the record (major_incident_state, known_error, approval) sets that field: its i-th activity
        // the i-th value (Approval requested, Approved), kept per event so a ServiceNow JSON log audits the field's changes.
        // A step on another table (a known error's article) leaves this record's fields alone.
        var values = !onStateField && step.Tool is { States.Count: > 0 } own && OwnField(own) ? own.States : null;
        string? ValueAt(int i) => values is null ? null : values[Math.Min(i, values.Count - 1)];
        if (step.Tool is { Activities.Count: > 0 } byActivity)
        {
            var state = onStateField && byActivity.States.Count > 0 ? _choices.ValueOf(byActivity.States[0]) : null;
            return byActivity.Activities.Select((a, i) => (a, state, ValueAt(i))).ToList();
        }

        if (onStateField && step.Tool is { States.Count: > 0 } byState)
        {
            return byState.States.Select(s => (_choices.LabelOf(_choices.ValueOf(s)), (string?)_choices.ValueOf(s), (string?)null)).ToList();
        }

        return [(step.Name, null, ValueAt(0))];
    }

    // A field of the generated records' own table, other than the state and the group (which every event carries already).
    private bool OwnField(ToolMapping tool) =>
        tool.EffectiveField != "assignment_group" && string.Equals(tool.Table, _table, StringComparison.OrdinalIgnoreCase);
}
