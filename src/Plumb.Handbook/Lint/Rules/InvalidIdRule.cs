namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>An id breaks the id format; ids become file names and addresses, so a '/' or '..' would lead outside them.</summary>
public sealed class InvalidIdRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB131";

    /// <inheritdoc />
    public override string Name => "invalid-id";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description =>
        "Ids of processes, procedures, steps, roles, records, KPIs, CSFs, drivers, pain points and findings are a letter or digit, then letters, digits, '.', '_' or '-' (up to 100).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var handbook = context.Handbook;
        InHandbook(context, "roles", "role", handbook.Roles.Select(r => r.Id));
        InHandbook(context, "records", "record", handbook.Records.Select(r => r.Id));
        InHandbook(context, "drivers", "driver", handbook.Drivers.Select(d => d.Id));
        InHandbook(context, "painPoints", "pain point", handbook.PainPoints.Select(p => p.Id));
        foreach (var process in handbook.Processes)
        {
            if (process.Id.Length > 0 && !HandbookIds.IsValid(process.Id)) context.Report(this, process, "id", Message("process", process.Id));
            InProcess(context, process, "csfs", "critical success factor", process.Csfs.Select(c => c.Id));
            InProcess(context, process, "kpis", "KPI", process.Kpis.Select(k => k.Id));
            InProcess(context, process, "procedures", "procedure", process.Procedures.Select(p => p.Id));
            for (var i = 0; i < process.Procedures.Count; i++)
            {
                InProcess(context, process, $"procedures[{i}].steps", "step", process.Procedures[i].Steps.Select(s => s.Id));
            }
        }

        foreach (var (process, finding, path) in context.Findings())
        {
            if (finding.Id.Length > 0 && !HandbookIds.IsValid(finding.Id)) context.Report(this, process, path + ".id", Message("finding", finding.Id));
        }
    }

    private void InHandbook(LintContext context, string key, string what, IEnumerable<string> ids)
    {
        foreach (var (index, id) in Invalid(ids)) context.ReportInHandbook(this, $"{key}[{index}].id", Message(what, id));
    }

    private void InProcess(LintContext context, Process process, string key, string what, IEnumerable<string> ids)
    {
        foreach (var (index, id) in Invalid(ids)) context.Report(this, process, $"{key}[{index}].id", Message(what, id));
    }

    private static string Message(string what, string id) => $"the {what} id '{id}' is not a valid id: {HandbookIds.Rule}";

    // Missing ids are PLB005's; only ids that are there and wrong are reported here.
    private static IEnumerable<(int Index, string Id)> Invalid(IEnumerable<string> ids) =>
        ids.Select((id, index) => (index, id)).Where(x => x.id.Length > 0 && !HandbookIds.IsValid(x.id));
}
