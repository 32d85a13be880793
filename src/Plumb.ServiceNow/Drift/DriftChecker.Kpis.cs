namespace Plumb.ServiceNow.Drift;

using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Snapshot;

public static partial class DriftChecker
{
    // KPIs are matched to SLA definitions by table (the process's tables), kind (response or resolution, from the words
    // of the KPI and the SLA's target) and priority when the KPI names one. The KPI agrees when any matching SLA's
    // duration equals its target: a KPI "by priority" is documented against one of several per-priority SLAs.
    private static void CheckSlas(Handbook handbook, ConfigurationSnapshot snapshot, List<DriftItem> items)
    {
        if (snapshot.Slas.Count == 0)
        {
            items.Add(Note("SLAs", "the snapshot has no contract_sla rows, so SLA definitions were not compared with KPI targets"));
            return;
        }

        foreach (var process in handbook.Processes)
        {
            var tables = TablesOf(handbook, process);
            for (var i = 0; i < process.Kpis.Count; i++)
            {
                var kpi = process.Kpis[i];
                if (KpiTerms.TargetDuration(kpi) is not { } wanted || KpiTerms.TimeUnit(kpi.Unit) is not { } unit) continue;
                var kind = KpiTerms.Kind(kpi);
                var priority = KpiTerms.Priority($"{kpi.Name} {kpi.Definition} {kpi.Measure}");
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

                if (candidates.Any(s => (s.Duration!.Value - wanted).Duration() < TimeSpan.FromMinutes(1))) continue;
                var closest = candidates.OrderBy(s => (s.Duration!.Value - wanted).Duration()).First();
                var found = string.Join("; ", candidates.Select(s => $"'{s.Name}' {GlideDuration.Describe(s.Duration!.Value)}"));
                items.Add(new DriftItem(DriftCodes.SlaTargetDiffers, DriftCodes.Kinds[DriftCodes.SlaTargetDiffers], $"{process.Id}/kpi {kpi.Id}",
                    $"KPI '{kpi.Id}' targets {GlideDuration.Describe(wanted)}, but no matching SLA definition has that duration ({found})",
                    DriftSide.Either,
                    $"set the duration of SLA '{closest.Name}' to {GlideDuration.Describe(wanted)} in the instance, or change the target of KPI '{kpi.Id}' to {Amount(closest.Duration!.Value, unit)} {kpi.Unit}",
                    HandbookFolder.ProcessDocument(process.Id), $"kpis[{i}].target"));
            }
        }
    }

    private static void CheckKpiFields(Handbook handbook, ConfigurationSnapshot snapshot, List<DriftItem> items)
    {
        foreach (var process in handbook.Processes)
        {
            var tables = TablesOf(handbook, process).Where(snapshot.HasDictionaryFor).ToList();
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
