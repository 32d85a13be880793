namespace Plumb.Handbook.Tests.Baseline;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Handbook.References;

public sealed class BaselineLibraryTests
{
    private static readonly string[] RequiredPractices =
    [
        "incident", "problem", "change", "service-request", "knowledge", "service-level",
        "service-configuration", "monitoring-event", "service-catalogue",
    ];

    [Fact]
    public void The_baseline_holds_every_practice_the_library_promises()
    {
        var ids = BaselineLibrary.Practices.Select(p => p.Id).ToList();
        Assert.Equal(RequiredPractices, ids);
    }

    [Fact]
    public void The_practice_ids_read_from_the_document_names_are_the_ids_inside_them()
    {
        Assert.Equal(BaselineLibrary.Practices.Select(p => p.Id), BaselineLibrary.PracticeIds);
    }

    [Fact]
    public void The_baseline_has_no_problems_by_our_own_reading_of_the_rules()
    {
        var problems = BaselineAudit.Problems(BaselineLibrary.Load());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_baseline_passes_every_lint_rule_without_errors_or_warnings()
    {
        var diagnostics = Linter.Check(BaselineLibrary.Load());
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.Format())));
    }

    [Theory]
    [MemberData(nameof(Practices))]
    public void Every_practice_has_a_full_review_a_KPI_per_CSF_and_a_procedure_with_a_decision(string id)
    {
        var process = BaselineLibrary.Load().FindProcess(id)!;
        Assert.False(string.IsNullOrWhiteSpace(process.Mission));
        Assert.False(string.IsNullOrWhiteSpace(process.Purpose));
        Assert.False(string.IsNullOrWhiteSpace(process.Scope));
        Assert.NotEmpty(process.Objectives);
        Assert.NotEmpty(process.Principles);
        Assert.NotEmpty(process.Triggers);
        Assert.NotEmpty(process.Drivers);
        Assert.NotEmpty(process.PainPoints);
        Assert.NotEmpty(process.Inputs);
        Assert.NotEmpty(process.Outputs);
        Assert.True(process.Csfs.Count >= 2, "at least two CSFs");
        Assert.All(process.Csfs, csf => Assert.Contains(process.Kpis, k => k.Csf == csf.Id));
        Assert.Contains(process.Procedures, p => p.Steps.Any(s => s.Decision is { Branches.Count: > 1 }));
        Assert.All(process.Procedures.SelectMany(p => p.Steps), s => Assert.NotNull(s.Tool?.Table));
    }

    public static TheoryData<string> Practices() => new(RequiredPractices);

    [Fact]
    public void Incident_has_major_incident_as_its_own_procedure_and_change_has_three_kinds()
    {
        var handbook = BaselineLibrary.Load();
        Assert.NotNull(handbook.FindProcess("incident")!.FindProcedure("major-incident"));
        var change = handbook.FindProcess("change")!;
        Assert.NotNull(change.FindProcedure("standard-change"));
        Assert.NotNull(change.FindProcedure("normal-change"));
        Assert.NotNull(change.FindProcedure("emergency-change"));
        Assert.Contains(handbook.FindProcess("problem")!.Procedures.SelectMany(p => p.Steps), s => s.Outputs.Any(o => o.Record == "known-error"));
    }

    [Fact]
    public void Every_reference_in_the_baseline_resolves()
    {
        var handbook = BaselineLibrary.Load();
        var unresolved = new List<string>();
        foreach (var process in handbook.Processes)
        {
            foreach (var flow in process.Inputs.Concat(process.Outputs)) Expect(process, null, flow.Party);
            foreach (var procedure in process.Procedures)
            {
                foreach (var step in procedure.Steps)
                {
                    foreach (var flow in step.Inputs.Concat(step.Outputs)) Expect(process, procedure, flow.Party);
                    foreach (var (role, _) in step.Raci.Assignments()) Expect(process, procedure, role);
                    Expect(process, procedure, step.Next);
                    Expect(process, procedure, step.Call);
                    foreach (var branch in step.Decision?.Branches ?? []) Expect(process, procedure, branch.Goto);
                }
            }
        }

        Assert.True(unresolved.Count == 0, string.Join("\n", unresolved));

        void Expect(Process process, Procedure? procedure, string? text)
        {
            if (text is null) return;
            if (!Reference.Resolve(handbook, text, process, procedure).IsResolved)
            {
                unresolved.Add($"{process.Id}/{procedure?.Id}: '{text}'");
            }
        }
    }

    [Fact]
    public void Data_flows_between_practices_close()
    {
        var handbook = BaselineLibrary.Load();
        var open = new List<string>();
        foreach (var process in handbook.Processes)
        {
            foreach (var input in process.Inputs.Where(f => f.Party is not null && handbook.FindProcess(f.Party) is not null))
            {
                if (!handbook.FindProcess(input.Party!)!.Outputs.Any(o => o.Record == input.Record && o.Party == process.Id))
                {
                    open.Add($"{process.Id} takes {input.Record} from {input.Party}, which does not send it");
                }
            }

            foreach (var output in process.Outputs.Where(f => f.Party is not null && handbook.FindProcess(f.Party) is not null))
            {
                if (!handbook.FindProcess(output.Party!)!.Inputs.Any(i => i.Record == output.Record && i.Party == process.Id))
                {
                    open.Add($"{process.Id} sends {output.Record} to {output.Party}, which does not take it");
                }
            }
        }

        Assert.True(open.Count == 0, string.Join("\n", open));
    }

    [Fact]
    public void A_selection_keeps_only_what_the_chosen_practices_use_and_still_resolves()
    {
        var handbook = BaselineLibrary.Load(["incident", "problem"]);
        Assert.Equal(["incident", "problem"], handbook.Processes.Select(p => p.Id));
        Assert.DoesNotContain(handbook.Roles, r => r.Id == "catalogue-manager");
        Assert.DoesNotContain(handbook.FindProcess("incident")!.Inputs, f => f.Party == "monitoring-event");
        Assert.Contains(handbook.FindProcess("incident")!.Outputs, f => f.Party == "problem");
        Assert.Empty(BaselineAudit.Problems(handbook));
    }

    [Fact]
    public void Every_KPI_measure_of_the_baseline_parses()
    {
        var failures = BaselineLibrary.Load().Processes
            .SelectMany(p => p.Kpis.Select(k => (Process: p.Id, Kpi: k.Id, Result: MeasureParser.Parse(k.Measure!))))
            .Where(x => !x.Result.Succeeded)
            .Select(x => $"{x.Process}/{x.Kpi}: {x.Result.Error} at column {x.Result.Column}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Practices))]
    public void Each_practice_alone_passes_every_lint_rule(string id)
    {
        var diagnostics = Linter.Check(BaselineLibrary.Load([id]));
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.Format())));
    }

    [Fact]
    public void An_unknown_practice_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => BaselineLibrary.LoadSelection("incident,incidnet"));
        Assert.Contains("'incidnet'", error.Message);
    }

    [Fact]
    public void Each_load_is_a_fresh_copy()
    {
        var first = BaselineLibrary.Load();
        first.Processes.Clear();
        Assert.NotEmpty(BaselineLibrary.Load().Processes);
    }
}
