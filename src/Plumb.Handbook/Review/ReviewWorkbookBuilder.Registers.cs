namespace Plumb.Handbook.Review;

using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

public static partial class ReviewWorkbookBuilder
{
    private static RaciMatrix Raci(Handbook handbook, Process process, Procedure procedure)
    {
        var roles = procedure.Steps.SelectMany(s => s.Raci.Assignments().Select(a => a.Role)).Distinct(StringComparer.Ordinal)
            .OrderBy(id => Order(handbook, id)).ToList();
        var cells = roles.Select(role => (IReadOnlyList<string>)[.. procedure.Steps.Select(step =>
            new string([.. step.Raci.Assignments().Where(a => a.Role == role).Select(a => a.Letter).Distinct()]))]).ToList();
        return new RaciMatrix(process.Name, procedure.Name, [.. procedure.Steps.Select(s => s.Name)],
            [.. roles.Select(r => Location.RoleName(handbook, r))], cells);
    }

    private static int Order(Handbook handbook, string role)
    {
        var index = handbook.Roles.FindIndex(r => r.Id == role);
        return index < 0 ? int.MaxValue : index;
    }

    private static List<RoleCoverageRow> Coverage(Handbook handbook)
    {
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in handbook.Processes.SelectMany(p => p.Procedures).SelectMany(p => p.Steps))
        {
            foreach (var role in step.Raci.Responsible.Concat(step.Raci.Accountable).Distinct(StringComparer.Ordinal))
            {
                load[role] = load.GetValueOrDefault(role) + 1;
            }
        }

        return [.. handbook.Roles.Select(role =>
        {
            var carries = load.GetValueOrDefault(role.Id);
            var issues = new List<string>();
            if (!role.InPlace && carries > 0) issues.Add($"not in place but responsible or accountable in {carries} step(s)");
            if (role.Holders.Count == 0) issues.Add("no holders named");
            return new RoleCoverageRow(role.Name, role.InPlace ? "yes" : "no", string.Join(", ", role.Holders), carries, string.Join("; ", issues));
        })];
    }

    private static List<DataFlowRow> DataFlows(Handbook handbook)
    {
        var rows = new List<DataFlowRow>();
        foreach (var process in handbook.Processes)
        {
            foreach (var input in process.Inputs)
            {
                var source = input.Party is null ? null : handbook.FindProcess(input.Party);
                var status = source is null
                    ? "from outside the processes"
                    : source.Outputs.Any(o => o.Record == input.Record && o.Party == process.Id) ? "closed" : $"{source.Name} does not list it as an output";
                if (source is not null && status == "closed") continue; // listed once, from the output side
                rows.Add(new DataFlowRow(Party(handbook, process, input.Party), Record(handbook, input.Record), process.Name, input.Note ?? "", status));
            }

            foreach (var output in process.Outputs)
            {
                var target = output.Party is null ? null : handbook.FindProcess(output.Party);
                var status = target is null
                    ? "to outside the processes"
                    : target.Inputs.Any(i => i.Record == output.Record && i.Party == process.Id) ? "closed" : $"{target.Name} does not list it as an input";
                rows.Add(new DataFlowRow(process.Name, Record(handbook, output.Record), Party(handbook, process, output.Party), output.Note ?? "", status));
            }
        }

        return rows;
    }

    private static string Record(Handbook handbook, string id) => handbook.FindRecord(id)?.Name ?? id;

    private static string Party(Handbook handbook, Process process, string? party) =>
        party is null ? "(not said)" : PartyName(handbook, process, null, party);

    private static List<FindingRow> Findings(Handbook handbook)
    {
        var rows = new List<FindingRow>();
        foreach (var process in handbook.Processes)
        {
            rows.AddRange(process.Findings.Select(f => Row(f, Location.Of(process))));
            foreach (var procedure in process.Procedures)
            {
                rows.AddRange(procedure.Findings.Select(f => Row(f, Location.Of(process, procedure))));
                foreach (var step in procedure.Steps) rows.AddRange(step.Findings.Select(f => Row(f, Location.Of(process, procedure, step))));
            }
        }

        return rows;

        FindingRow Row(Finding f, string where) => new(f.Id, where, f.Text, Words.Of(Words.FindingSeverities, f.Severity),
            f.PlannedUpdate ?? "", f.Owner is { } owner ? Location.RoleName(handbook, owner) : "", Words.Of(Words.FindingStatuses, f.Status));
    }
}
