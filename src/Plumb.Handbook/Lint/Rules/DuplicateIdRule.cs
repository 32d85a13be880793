namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Model;

/// <summary>Two things of the same kind share an id, so references to it are ambiguous.</summary>
public sealed class DuplicateIdRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB118";

    /// <inheritdoc />
    public override string Name => "duplicate-id";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Ids are unique: roles, records, drivers, pain points and processes in the handbook; CSFs, KPIs and procedures in a process; steps in a procedure; findings across the handbook.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var handbook = context.Handbook;
        InHandbook(context, "drivers", "driver", handbook.Drivers.Select(d => d.Id));
        InHandbook(context, "painPoints", "pain point", handbook.PainPoints.Select(p => p.Id));
        InHandbook(context, "roles", "role", handbook.Roles.Select(r => r.Id));
        InHandbook(context, "records", "record", handbook.Records.Select(r => r.Id));
        var processes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in handbook.Processes)
        {
            if (!processes.Add(process.Id))
            {
                context.Report(this, process, "id", $"two process files both have the id '{process.Id}'; keep one of them");
            }

            InProcess(context, process, "csfs", "critical success factor", process.Csfs.Select(c => c.Id), "");
            InProcess(context, process, "kpis", "KPI", process.Kpis.Select(k => k.Id), "");
            InProcess(context, process, "procedures", "procedure", process.Procedures.Select(p => p.Id), "");
            for (var i = 0; i < process.Procedures.Count; i++)
            {
                var procedure = process.Procedures[i];
                InProcess(context, process, $"procedures[{i}].steps", "step", procedure.Steps.Select(s => s.Id), $" in {Describe.Procedure(procedure)}");
            }
        }

        var findings = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var (process, finding, path) in context.Findings())
        {
            if (finding.Id.Length == 0) continue;
            if (!findings.TryGetValue(finding.Id, out var first))
            {
                findings[finding.Id] = process;
                continue;
            }

            var where = first == process ? "in this file" : $"in {HandbookFolder.ProcessDocument(first.Id)}";
            context.Report(this, process, path + ".id", $"the finding id '{finding.Id}' is already used {where}; finding ids are unique across the handbook");
        }
    }

    private void InHandbook(LintContext context, string key, string what, IEnumerable<string> ids)
    {
        foreach (var (index, id, firstIndex) in Duplicates(ids))
        {
            context.ReportInHandbook(this, $"{key}[{index}].id", Message(what, id, firstIndex, ""));
        }
    }

    private void InProcess(LintContext context, Process process, string key, string what, IEnumerable<string> ids, string scope)
    {
        foreach (var (index, id, firstIndex) in Duplicates(ids))
        {
            context.Report(this, process, $"{key}[{index}].id", Message(what, id, firstIndex, scope));
        }
    }

    private static string Message(string what, string id, int firstIndex, string scope) =>
        $"the {what} id '{id}' is already used by the {Ordinal(firstIndex + 1)} {what}{scope}; ids must be unique";

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch
    {
        1 => $"{n}st",
        2 => $"{n}nd",
        3 => $"{n}rd",
        _ => $"{n}th",
    };

    private static IEnumerable<(int Index, string Id, int FirstIndex)> Duplicates(IEnumerable<string> ids)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (id.Length > 0 && !seen.TryAdd(id, index)) yield return (index, id, seen[id]);
            index++;
        }
    }
}
