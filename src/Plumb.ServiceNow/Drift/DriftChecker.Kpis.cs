namespace Plumb.ServiceNow.Drift;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

public static partial class DriftChecker
{
    // An SLA is compared with the KPIs of the process whose table it runs on (the process most of whose steps map the
    // table), never with another process's: a problem SLA is no yardstick for an incident KPI, and the advice would
    // otherwise suggest changing an SLA another process owns. A KPI is matched by kind (response or resolution, from its
    // words and the SLA's target) and by the priority its measure filters on. Its threshold is the target of a duration
    // measure (median time to resolve ≤ 8 hours) or the duration a ratio counts within (P1 resolved within 4h). Only
    // durations from the case's start are compared, as SLA clocks start with the ticket. The KPI agrees when any matching
    // SLA's duration equals its threshold: a KPI "by priority" is documented against one of several per-priority SLAs.
    private static void CheckSlas(Handbook handbook, ConfigurationSnapshot snapshot, List<DriftItem> items)
    {
        if (snapshot.Slas.Count == 0)
        {
            items.Add(Note("SLAs", "the snapshot has no contract_sla rows" + Refused(snapshot, "contract_sla") + ", so SLA definitions were not compared with KPI targets"));
            return;
        }

        var owners = TableOwners(handbook);
        foreach (var process in handbook.Processes)
        {
            var tables = owners.Where(o => o.Value == process.Id).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
            if (tables.Count == 0) continue;
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (Threshold(kpi) is not { } threshold) continue;
                var kind = KpiTerms.Kind(kpi);
                var priority = threshold.Priority;
                var candidates = snapshot.Slas.Where(s => s.Active && s.Duration is not null && tables.Contains(s.Table)
                        && (kind is null || KpiTerms.Kind(s) is not { } k || k == kind)
                        && (priority is null || KpiTerms.Priority(s) is not { } p || p == priority))
                    .ToList();
                if (candidates.Count == 0)
                {
                    items.Add(Note($"{process.Id}/kpi {kpi.Id}",
                        $"no active SLA definition on {string.Join(", ", tables)} matches KPI '{kpi.Id}' ({kind ?? "any"} time{(priority is null ? "" : $", priority {priority}")}); nothing to compare"));
                    continue;
                }

                var wanted = threshold.Duration;
                if (candidates.Any(s => (s.Duration!.Value - wanted).Duration() < TimeSpan.FromMinutes(1))) continue;
                var closest = candidates.OrderBy(s => (s.Duration!.Value - wanted).Duration()).First();
                var found = string.Join("; ", candidates.Select(s => $"'{s.Name}' {GlideDuration.Describe(s.Duration!.Value)}"));
                var instead = threshold.InMeasure
                    ? $"change the threshold in the measure of KPI '{kpi.Id}' to {Compact(closest.Duration!.Value)}"
                    : $"change the target of KPI '{kpi.Id}' to {Amount(closest.Duration!.Value, KpiTerms.TimeUnit(kpi.Unit)!.Value)} {kpi.Unit}";
                var what = threshold.InMeasure ? $"counts cases within {GlideDuration.Describe(wanted)} (its measure)" : $"targets {GlideDuration.Describe(wanted)}";
                items.Add(new DriftItem(DriftCodes.SlaTargetDiffers, DriftCodes.Kinds[DriftCodes.SlaTargetDiffers], $"{process.Id}/kpi {kpi.Id}",
                    $"KPI '{kpi.Id}' {what}, but no matching SLA definition has that duration ({found})",
                    DriftSide.Either,
                    $"set the duration of SLA '{closest.Name}' to {GlideDuration.Describe(wanted)} in the instance, or {instead}",
                    HandbookFolder.ProcessDocument(process.Id), $"kpis[{i}].{(threshold.InMeasure ? "measure" : "target")}"));
            }
        }
    }

    /// <summary>A KPI's time threshold: the duration, whether it sits in the measure (not the target), and the priority filtered on.</summary>
    private sealed record KpiThreshold(TimeSpan Duration, bool InMeasure, string? Priority);

    private static KpiThreshold? Threshold(Kpi kpi)
    {
        var parsed = string.IsNullOrWhiteSpace(kpi.Measure) ? null : MeasureParser.Parse(kpi.Measure).Value;
        if (parsed is null)
        {
            // No measure to read: fall back on a time target and the priority the KPI's words name.
            return KpiTerms.TargetDuration(kpi) is { } target
                ? new KpiThreshold(target, false, KpiTerms.Priority($"{kpi.Name} {kpi.Definition}"))
                : null;
        }

        var byPriority = parsed.Groupings.Any(g => g.Kind == GroupingKind.Field && g.Value == "priority");
        switch (parsed.Aggregate)
        {
            case DurationAggregate d when d.From.Kind == MilestoneKind.Start && KpiTerms.TargetDuration(kpi) is { } target:
                return new KpiThreshold(target, false, byPriority ? null : PriorityOf(d.Where) ?? KpiTerms.Priority($"{kpi.Name} {kpi.Definition}"));
            case RatioAggregate r when Within(r.Where) is { } within:
                return new KpiThreshold(within, true, byPriority ? null : PriorityOf(r.Where) ?? PriorityOf(r.Of) ?? KpiTerms.Priority($"{kpi.Name} {kpi.Definition}"));
            default:
                return null;
        }
    }

    // The duration a ratio counts cases within: "duration from start to step:resolve <= 4h" (not under a "not").
    private static TimeSpan? Within(Condition? condition) => condition switch
    {
        DurationCondition { From.Kind: MilestoneKind.Start, Comparison: Comparison.LessOrEqual or Comparison.Less } d => d.Duration,
        AndCondition a => Within(a.Left) ?? Within(a.Right),
        _ => null,
    };

    private static string? PriorityOf(Condition? condition) => condition switch
    {
        FieldCondition { Field: "priority", Comparison: Comparison.Equal } f => f.Value,
        InCondition { Field: "priority", Values.Count: 1 } i => i.Values[0],
        AndCondition a => PriorityOf(a.Left) ?? PriorityOf(a.Right),
        _ => null,
    };

    // Each table belongs to the process with the most steps mapping it (the first such process on a tie).
    private static Dictionary<string, string> TableOwners(Handbook handbook)
    {
        var counts = new Dictionary<string, (string Process, int Steps)>(StringComparer.Ordinal);
        foreach (var process in handbook.Processes)
        {
            var own = process.Procedures.SelectMany(q => q.Steps).Select(s => s.Tool?.Table).OfType<string>().Where(t => t.Length > 0)
                .GroupBy(t => t, StringComparer.Ordinal);
            foreach (var table in own)
            {
                if (!counts.TryGetValue(table.Key, out var best) || table.Count() > best.Steps) counts[table.Key] = (process.Id, table.Count());
            }
        }

        return counts.ToDictionary(c => c.Key, c => c.Value.Process, StringComparer.Ordinal);
    }

    // A duration as the measure language writes it: 8h, 30m, 3d.
    private static string Compact(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.TotalDays % 1 == 0 ? $"{duration.TotalDays:0}d"
        : duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 ? $"{duration.TotalHours:0}h"
        : $"{Math.Round(duration.TotalMinutes):0}m";

    // A KPI's fields are looked for on the tables its process owns (the cases it counts), and only when the snapshot holds
    // their dictionary (MeasureFields leaves out the fields the measure language derives from events: they are no table's).
    private static void CheckKpiFields(Handbook handbook, ConfigurationSnapshot snapshot, List<DriftItem> items)
    {
        if (snapshot.Dictionary.Count == 0 && snapshot.Choices.Count == 0 && snapshot.Tables.Count == 0) return; // said by CheckTables
        var owners = TableOwners(handbook);
        foreach (var process in handbook.Processes)
        {
            var owned = owners.Where(o => o.Value == process.Id).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
            if (owned.Count == 0) owned = [.. TablesOf(handbook, process)];
            var tables = owned.Where(snapshot.HasDictionaryFor).ToList();
            if (tables.Count < owned.Count && process.Kpis.Any(k => MeasureFields.Extract(k.Measure).Count > 0))
            {
                items.Add(Note($"{process.Id}/kpis", $"the snapshot has no sys_dictionary rows for {string.Join(", ", owned.Except(tables))}" +
                    $"{Refused(snapshot, "sys_dictionary")}, so the fields the KPIs of {process.Id} need were {(tables.Count == 0 ? "not" : "only partly")} checked"));
            }

            if (tables.Count == 0) continue;
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                foreach (var field in MeasureFields.Extract(kpi.Measure))
                {
                    if (tables.Any(t => snapshot.FindField(t, field) is not null)) continue;
                    items.Add(new DriftItem(DriftCodes.KpiFieldMissing, DriftCodes.Kinds[DriftCodes.KpiFieldMissing], $"{process.Id}/kpi {kpi.Id}",
                        $"KPI '{kpi.Id}' needs field '{field}', which {string.Join(" and ", tables)} do(es) not have",
                        DriftSide.Either, $"add field '{field}' to {tables[0]} in the instance, or change the measure of KPI '{kpi.Id}'",
                        HandbookFolder.ProcessDocument(process.Id), $"kpis[{i}].measure"));
                }
            }
        }
    }

    private static string Amount(TimeSpan duration, TimeSpan unit) => Math.Round(duration / unit, 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
