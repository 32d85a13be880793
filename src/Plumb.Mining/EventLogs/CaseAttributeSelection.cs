namespace Plumb.Mining.EventLogs;

using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.Discovery;
using Plumb.Mining.Kpis;
using Plumb.Mining.Readers;

/// <summary>
/// The case attributes a reader keeps the values of: a command names the fields it reads, and the other columns are only
/// named in the log's notes. Unique values per case (dates, task ids) are most of a wide export's memory, and most commands
/// never look at them.
/// </summary>
public sealed class CaseAttributeSelection
{
    // Names as EventLog.FindAttribute compares them: spaces, '_' and '-' alike, any case, with or without a "case:" prefix.
    private readonly HashSet<string> _wanted;

    private CaseAttributeSelection(IEnumerable<string> names) => _wanted = names.Select(CsvColumnGuess.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The fields discovery, conformance and the KPI facts look up by name: the group and priority of a log without such event
    /// columns, sys_id, table and the reference fields of the flow across processes, the tool's reopen and reassignment counts.
    /// </summary>
    public static IReadOnlyList<string> MiningFields { get; } =
    [
        "group", "assignment_group", "priority", "sys_id", "table", "Reopen Time", .. CaseFacts.ReopenFields, .. CaseFacts.ReassignmentFields,
        .. CrossProcessFlow.LinkFieldNames,
    ];

    /// <summary>No case attribute's values (a command that only lists their names).</summary>
    public static CaseAttributeSelection None { get; } = new([]);

    /// <summary>What discovery and conformance read: <see cref="MiningFields"/>.</summary>
    public static CaseAttributeSelection Mining { get; } = new(MiningFields);

    /// <summary>What an analysis of a process reads: <see cref="MiningFields"/> and every field its KPIs' measures name.</summary>
    public static CaseAttributeSelection ForKpis(IEnumerable<Kpi> kpis)
    {
        var fields = new List<string>(MiningFields);
        foreach (var kpi in kpis)
        {
            if (string.IsNullOrWhiteSpace(kpi.Measure) || MeasureParser.Parse(kpi.Measure).Value is not { } measure) continue;
            fields.AddRange(MeasureTargets.FieldsOf(measure));
            fields.AddRange(MeasureTargets.Of(measure).Where(t => t.Kind == TargetKind.Field).Select(t => t.Value));
            fields.AddRange(measure.Groupings.Where(g => g.Kind == GroupingKind.Field).Select(g => g.Value));
        }

        return new CaseAttributeSelection(fields);
    }

    /// <summary>
    /// What an analysis of <paramref name="process"/> reads: <see cref="ForKpis"/> of its KPIs, and the fields its steps' tool
    /// mappings name (a field other than state, the attribute of a <c>when</c> condition), which the mapping reads per case.
    /// </summary>
    public static CaseAttributeSelection ForProcess(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var tools = process.Procedures.SelectMany(p => p.Steps).Select(s => s.Tool).OfType<ToolMapping>().ToList();
        return new CaseAttributeSelection([
            .. ForKpis(process.Kpis)._wanted,
            .. tools.Select(t => t.Field).OfType<string>().Where(f => f.Length > 0),
            .. tools.Select(t => t.When?.Attribute).OfType<string>().Where(a => a.Length > 0),
        ]);
    }

    /// <summary>Whether a column of this name is kept, i.e. whether <see cref="EventLog.FindAttribute"/> of a wanted field could find it.</summary>
    public bool Keeps(string name)
    {
        if (_wanted.Contains(CsvColumnGuess.Normalize(name))) return true;
        const string prefix = "case:";
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && _wanted.Contains(CsvColumnGuess.Normalize(name[prefix.Length..]));
    }
}
