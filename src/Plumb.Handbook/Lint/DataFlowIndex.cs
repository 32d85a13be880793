namespace Plumb.Handbook.Lint;

using Plumb.Handbook.References;

/// <summary>
/// Who produces and who consumes each record, for the data-flow rules. The semantics (docs/lint-rules.md):
/// a flow whose party is a role is exchanged with someone outside the handbook and always fine; a flow whose party is a
/// process, procedure or step needs that party to list the record on the other side (an input from X needs X to output
/// it); a flow with no party needs some process or step anywhere to list the record on the other side, or, for a step,
/// its own process to list it as a process input (or output) on the same side, since the process hands it over.
/// </summary>
internal sealed class DataFlowIndex
{
    private readonly Dictionary<string, List<FlowSite>> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FlowSite>> _outputs = new(StringComparer.Ordinal);

    public DataFlowIndex(LintContext context)
    {
        Context = context;
        foreach (var site in context.Flows())
        {
            var index = site.IsInput ? _inputs : _outputs;
            if (!index.TryGetValue(site.Flow.Record, out var list)) index[site.Flow.Record] = list = [];
            list.Add(site);
        }
    }

    public LintContext Context { get; }

    /// <summary>Null when the flow is matched; otherwise the reason, in words, to finish the message with.</summary>
    public string? Unmatched(FlowSite site)
    {
        var record = site.Flow.Record;
        var handbook = Context.Handbook;
        if (record.Length == 0 || handbook.FindRecord(record) is null) return null;
        var otherSide = site.IsInput ? _outputs : _inputs;
        var sites = otherSide.GetValueOrDefault(record) ?? [];
        var listed = site.IsInput ? "outputs" : "inputs";
        if (site.Flow.Party is { } party)
        {
            var reference = Reference.Resolve(handbook, party, site.Process, site.Procedure);
            var match = reference.Kind switch
            {
                ReferenceKind.Process => sites.Any(s => s.Process == reference.Process),
                ReferenceKind.Procedure => sites.Any(s => s.Procedure == reference.Procedure),
                ReferenceKind.Step => sites.Any(s => s.Step == reference.Step),
                _ => true,
            };
            if (match) return null;
            var name = reference.Kind switch
            {
                ReferenceKind.Process => Describe.Process(reference.Process!),
                ReferenceKind.Procedure => Describe.Procedure(reference.Procedure!),
                _ => Describe.Step(reference.Step!),
            };
            return $"{name} does not list '{record}' among its {listed}";
        }

        if (sites.Count > 0) return null;
        if (site.Step is not null && (site.IsInput ? site.Process.Inputs : site.Process.Outputs).Any(f => f.Record == record)) return null;
        return site.IsInput
            ? $"no process or step lists '{record}' among its outputs; add it where it is created, or say 'from:' whom it comes"
            : $"no process or step lists '{record}' among its inputs; add it where it is used, or say 'to:' whom it goes";
    }
}
