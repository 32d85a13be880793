namespace Plumb.Handbook.Diff;

using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

internal sealed partial class DiffRun
{
    private void Process(string path, Process a, Process b)
    {
        var where = Location.Of(b);
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "owner", "owner", Location.RoleName(old, a.Owner ?? ""), Location.RoleName(@new, b.Owner ?? ""));
        Text(path, where, "status", "status", Words.Of(Words.ProcessStatuses, a.Status), Words.Of(Words.ProcessStatuses, b.Status));
        Text(path, where, "version", "version", a.Version, b.Version);
        Text(path, where, "mission", "mission", a.Mission, b.Mission);
        Text(path, where, "purpose", "purpose", a.Purpose, b.Purpose);
        Text(path, where, "scope", "scope", a.Scope, b.Scope);
        Items(path, where, "objectives", "objective", a.Objectives, b.Objectives);
        Items(path, where, "principles", "principle", a.Principles, b.Principles);
        Items(path, where, "triggers", "trigger", a.Triggers, b.Triggers);
        Items(path, where, "drivers", "driver", a.Drivers, b.Drivers);
        Items(path, where, "painPoints", "pain point", a.PainPoints, b.PainPoints);
        Elements(a.Csfs, b.Csfs, c => c.Id, path + "/csfs", c => Location.Of(b, c), (p, x, y) => Text(p, Location.Of(b, y), "text", "text", x.Text, y.Text));
        Items(path, where, "inputs", "input", Flows(old, a.Inputs, true), Flows(@new, b.Inputs, true));
        Items(path, where, "outputs", "output", Flows(old, a.Outputs, false), Flows(@new, b.Outputs, false));
        Elements(a.Kpis, b.Kpis, k => k.Id, path + "/kpis", k => Location.Of(b, k), (p, x, y) => Kpi(p, b, x, y));
        Elements(a.Procedures, b.Procedures, p => p.Id, path + "/procedures", p => Location.Of(b, p), (p, x, y) => Procedure(p, b, x, y));
        Findings(path, where, a.Findings, b.Findings);
        Elements(a.ChangeLog, b.ChangeLog, c => c.Version, path + "/changeLog", c => $"change log of {where}, version {c.Version}",
            (p, x, y) => Text(p, $"change log of {where}, version {y.Version}", "text", "text", x.Text, y.Text));
    }

    private static List<string> Flows(Handbook handbook, List<DataFlow> flows, bool input) =>
        [.. flows.Select(f => Location.Flow(handbook, f, input) + (f.Note is { Length: > 0 } note ? $" ({note})" : ""))];

    private void Kpi(string path, Process process, Kpi a, Kpi b)
    {
        var where = Location.Of(process, b);
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "definition", "definition", a.Definition, b.Definition);
        Text(path, where, "measure", "measure", a.Measure, b.Measure);
        Text(path, where, "unit", "unit", a.Unit, b.Unit);
        Text(path, where, "target", "target", Number(a.Target), Number(b.Target));
        Text(path, where, "direction", "direction", Words.Of(Words.KpiDirections, a.Direction), Words.Of(Words.KpiDirections, b.Direction));
        Text(path, where, "csf", "CSF", a.Csf, b.Csf);
    }

    private void Procedure(string path, Process process, Procedure a, Procedure b)
    {
        var where = Location.Of(process, b);
        Text(path, where, "name", "name", a.Name, b.Name);
        Text(path, where, "purpose", "purpose", a.Purpose, b.Purpose);
        Text(path, where, "trigger", "trigger", a.Trigger, b.Trigger);
        Text(path, where, "outcome", "outcome", a.Outcome, b.Outcome);
        Elements(a.Steps, b.Steps, s => s.Id, path + "/steps", s => Location.Of(process, b, s), (p, x, y) => Step(p, process, b, x, y));
        if (options.Flows) Flows(path, where, a, b);
        Findings(path, where, a.Findings, b.Findings);
    }

    private void Findings(string path, string where, List<Finding> a, List<Finding> b) =>
        Elements(a, b, f => f.Id, path + "/findings", f => $"finding {f.Id} of {where}", (p, x, y) =>
        {
            var at = $"finding {y.Id} of {where}";
            Text(p, at, "text", "text", x.Text, y.Text);
            Text(p, at, "severity", "severity", Words.Of(Words.FindingSeverities, x.Severity), Words.Of(Words.FindingSeverities, y.Severity));
            Text(p, at, "plannedUpdate", "planned update", x.PlannedUpdate, y.PlannedUpdate);
            Text(p, at, "owner", "owner", x.Owner, y.Owner);
            Text(p, at, "status", "status", Words.Of(Words.FindingStatuses, x.Status), Words.Of(Words.FindingStatuses, y.Status));
        });
}
