namespace Plumb.ServiceNow.Snapshot;

using System.Globalization;
using Plumb.Handbook.Model;
using Plumb.ServiceNow.Drift;
using Plumb.ServiceNow.Embed;

public static partial class SnapshotGenerator
{
    // One SLA definition per KPI with a time target, on the process's first table, lasting exactly the target.
    private static List<IReadOnlyDictionary<string, string>> Slas(Handbook handbook, GeneratorOptions options, List<string> injected)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var process in handbook.Processes)
        {
            if (DriftChecker.TablesOf(handbook, process).FirstOrDefault() is not { } table) continue;
            foreach (var kpi in process.Kpis)
            {
                if (KpiTerms.TargetDuration(kpi) is not { } duration) continue;
                var name = $"{kpi.Name} ({GlideDuration.Describe(duration)})";
                if (options.SlaDiffers && injected.All(i => !i.StartsWith("sla", StringComparison.Ordinal)))
                {
                    var changed = TimeSpan.FromTicks(duration.Ticks * 3 / 2);
                    injected.Add($"sla differs: '{name}' lasts {GlideDuration.Describe(changed)} instead of {GlideDuration.Describe(duration)}");
                    duration = changed;
                }

                var priority = KpiTerms.Priority($"{kpi.Name} {kpi.Definition} {kpi.Measure}");
                rows.Add(Row(("sys_id", Id($"sla:{process.Id}/{kpi.Id}")), ("name", name), ("collection", table), ("type", "SLA"),
                    ("target", KpiTerms.Kind(kpi) ?? ""), ("duration", GlideDuration.Format(duration)), ("duration_type", ""),
                    ("start_condition", priority is null ? "active=true^EQ" : $"active=true^priority={priority}^EQ"),
                    ("stop_condition", "active=false^EQ"), ("pause_condition", ""), ("active", "true")));
            }
        }

        return rows;
    }

    private static List<IReadOnlyDictionary<string, string>> Flows(Handbook handbook) =>
        handbook.Processes.SelectMany(EmbedPlan.FlowStages)
            .Select(r => (IReadOnlyDictionary<string, string>)r.Fields.ToDictionary(f => f.Key, f => f.Value.Value, StringComparer.Ordinal)
                .Append(new KeyValuePair<string, string>("sys_id", r.SysId)).ToDictionary(StringComparer.Ordinal))
            .ToList();

    private static List<IReadOnlyDictionary<string, string>> Dictionary(Handbook handbook)
    {
        var fields = new List<(string Table, string Element)>();
        fields.AddRange(OutOfBox.TaskFields.Select(f => ("task", f)));
        fields.AddRange(OutOfBox.TableFields.SelectMany(t => t.Value.Select(f => (t.Key, f))));
        foreach (var process in handbook.Processes)
        {
            var tables = DriftChecker.TablesOf(handbook, process);
            foreach (var step in process.Procedures.SelectMany(q => q.Steps))
            {
                if (step.Tool is { Table: { Length: > 0 } table } tool) fields.Add((table, tool.EffectiveField));
            }

            if (tables.FirstOrDefault() is { } first)
            {
                foreach (var field in process.Kpis.SelectMany(k => MeasureFields.Extract(k.Measure))) fields.Add((first, field));
            }
        }

        return fields.Distinct()
            .Where(f => f.Table == "task" || !OutOfBox.TaskFields.Contains(f.Element))
            .Select(f => Row(("sys_id", Id($"dictionary:{f.Table}.{f.Element}")), ("name", f.Table), ("element", f.Element),
                ("column_label", Label(f.Element)), ("internal_type", f.Element is "assignment_group" or "assigned_to" or "caller_id" ? "reference" : "string")))
            .ToList();
    }

    private static string Label(string element) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(element.Replace('_', ' '));
}
