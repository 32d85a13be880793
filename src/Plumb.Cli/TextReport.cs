namespace Plumb.Cli;

using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

/// <summary>The terminal view of a handbook used by <c>plumb show</c>.</summary>
public sealed class TextReport(TextWriter output, Handbook handbook)
{
    public void Summary()
    {
        output.WriteLine(handbook.Name);
        if (handbook.Description is { } description) output.WriteLine(description);
        output.WriteLine();
        var processes = new TextTable("PROCESS", "NAME", "OWNER", "STATUS", "VERSION", "PROCEDURES", "STEPS", "KPIS");
        foreach (var p in handbook.Processes)
        {
            processes.Add(p.Id, p.Name, p.Owner ?? "-", Words.Of(Words.ProcessStatuses, p.Status), p.Version,
                p.Procedures.Count.ToString(), p.Procedures.Sum(x => x.Steps.Count).ToString(), p.Kpis.Count.ToString());
        }

        processes.Write(output);
        output.WriteLine();
        var roles = new TextTable("ROLE", "NAME", "IN PLACE", "HOLDERS", "GROUPS");
        foreach (var r in handbook.Roles)
        {
            roles.Add(r.Id, r.Name, r.InPlace ? "yes" : "NO", string.Join(", ", r.Holders), string.Join(", ", r.Groups));
        }

        roles.Write(output);
    }

    public void Process(Process p)
    {
        output.WriteLine($"{p.Name} ({p.Id}) — {Words.Of(Words.ProcessStatuses, p.Status)}, version {p.Version}, owner {p.Owner ?? "-"}");
        Line("Mission", p.Mission);
        Line("Purpose", p.Purpose);
        Line("Scope", p.Scope);
        List("Objectives", p.Objectives);
        List("Principles", p.Principles);
        List("Critical success factors", p.Csfs.Select(c => $"{c.Id}: {c.Text}"));
        List("Triggers", p.Triggers);
        List("Inputs", p.Inputs.Select(f => f.Party is null ? f.Record : $"{f.Record} from {f.Party}"));
        List("Outputs", p.Outputs.Select(f => f.Party is null ? f.Record : $"{f.Record} to {f.Party}"));
        if (p.Kpis.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("KPIs");
            var kpis = new TextTable("KPI", "NAME", "TARGET", "CSF", "MEASURE");
            foreach (var k in p.Kpis)
            {
                var target = k.Target is { } t ? $"{(k.Direction == KpiDirection.Lower ? "<=" : ">=")} {t} {k.Unit}".TrimEnd() : "-";
                kpis.Add(k.Id, k.Name, target, k.Csf ?? "-", k.Measure ?? "-");
            }

            kpis.Write(output);
        }

        foreach (var procedure in p.Procedures) Procedure(procedure);
    }

    private void Procedure(Procedure procedure)
    {
        output.WriteLine();
        output.WriteLine($"Procedure {procedure.Name} ({procedure.Id})");
        Line("  Trigger", procedure.Trigger);
        Line("  Outcome", procedure.Outcome);
        var steps = new TextTable("#", "STEP", "NAME", "R", "A", "C", "I", "NEXT");
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var s = procedure.Steps[i];
            var next = s.Decision is { Branches.Count: > 0 } d
                ? string.Join(" | ", d.Branches.Select(b => b.When is null ? b.Goto : $"{b.When} -> {b.Goto}"))
                : procedure.NextOf(i);
            steps.Add((i + 1).ToString(), s.Id, s.Name, Join(s.Raci.Responsible), Join(s.Raci.Accountable),
                Join(s.Raci.Consulted), Join(s.Raci.Informed), next);
        }

        steps.Write(output);
    }

    private static string Join(List<string> ids) => ids.Count == 0 ? "-" : string.Join(", ", ids);

    private void Line(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) output.WriteLine($"{label}: {value.Trim()}");
    }

    private void List(string label, IEnumerable<string> values)
    {
        var items = values.ToList();
        if (items.Count == 0) return;
        output.WriteLine($"{label}:");
        foreach (var item in items) output.WriteLine($"  - {item}");
    }
}
