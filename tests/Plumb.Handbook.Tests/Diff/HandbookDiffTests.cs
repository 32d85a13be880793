namespace Plumb.Handbook.Tests.Diff;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;

public sealed class HandbookDiffTests
{
    [Fact]
    public void Two_equal_handbooks_have_no_changes()
    {
        Assert.Empty(HandbookDiff.Compare(BaselineLibrary.Load(), BaselineLibrary.Load()));
    }

    [Fact]
    public void A_changed_responsible_role_is_said_in_domain_words()
    {
        var after = BaselineLibrary.Load();
        Step(after, "incident", "handle-incident", "categorise").Raci.Responsible = ["resolver"];

        var change = Assert.Single(HandbookDiff.Compare(BaselineLibrary.Load(), after));
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal("processes/incident/procedures/handle-incident/steps/categorise", change.Path);
        Assert.Equal("responsible", change.Field);
        Assert.Equal(("Service Desk Agent", "Resolver Group Agent"), (change.Before, change.After));
        Assert.Equal(
            "step 'Categorise and prioritise' of procedure 'Log, resolve and close an incident' (Incident Management): " +
            "responsible changed from Service Desk Agent to Resolver Group Agent",
            change.Message);
    }

    [Fact]
    public void Added_removed_and_reordered_steps_are_reported()
    {
        var after = BaselineLibrary.Load();
        var procedure = after.FindProcess("problem")!.FindProcedure("known-error")!;
        procedure.Steps.RemoveAll(s => s.Id == "brief-desk");
        (procedure.Steps[0], procedure.Steps[1]) = (procedure.Steps[1], procedure.Steps[0]);
        procedure.Steps.Add(new Step { Id = "notify", Name = "Notify suppliers", Instruction = "Tell the supplier." });

        var changes = HandbookDiff.Compare(BaselineLibrary.Load(), after);
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Removed, Path: "processes/problem/procedures/known-error/steps/brief-desk" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Path: "processes/problem/procedures/known-error/steps/notify" });
        var reordered = Assert.Single(changes, c => c.Kind == ChangeKind.Reordered);
        Assert.Equal(("record-known-error, publish-workaround", "publish-workaround, record-known-error"), (reordered.Before, reordered.After));
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void Process_review_KPI_and_finding_fields_are_compared()
    {
        var after = BaselineLibrary.Load();
        var incident = after.FindProcess("incident")!;
        incident.Version = "1.1";
        incident.Kpis[0].Target = 6;
        incident.Objectives.Add("Answer 80% of calls within 20 seconds.");
        Step(after, "incident", "handle-incident", "log").Findings.Add(new Finding { Id = "F-1", Text = "Callers wait too long." });

        var messages = HandbookDiff.Compare(BaselineLibrary.Load(), after).Select(c => c.Message).ToList();
        Assert.Equal(
            [
                "process 'Incident Management': version changed from '1.0' to '1.1'",
                "process 'Incident Management': objective added: 'Answer 80% of calls within 20 seconds.'",
                "KPI 'Median time to resolve' of process 'Incident Management': target changed from '8' to '6'",
                "finding F-1 of step 'Log the incident' of procedure 'Log, resolve and close an incident' (Incident Management) added",
            ],
            messages);
    }

    [Fact]
    public void Roles_and_processes_added_and_removed_are_reported()
    {
        var before = BaselineLibrary.Load(["incident", "problem"]);
        var after = BaselineLibrary.Load(["incident", "change"]);
        var changes = HandbookDiff.Compare(before, after);
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Removed, Path: "processes/problem", Message: "process 'Problem Management' removed" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Path: "processes/change" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Path: "roles/change-implementer" });
    }

    [Fact]
    public void Flows_between_steps_are_listed_when_asked_for_and_a_renamed_step_keeps_its_flows()
    {
        // Given a step inserted between "brief-desk" and the step after it, and "record-known-error" renamed
        var after = BaselineLibrary.Load();
        var procedure = after.FindProcess("problem")!.FindProcedure("known-error")!;
        var at = procedure.Steps.FindIndex(s => s.Id == "brief-desk");
        procedure.Steps.Insert(at + 1, new Step { Id = "notify", Name = "Notify suppliers" });
        procedure.Steps[0].Name = "Record the known error now";
        var briefDesk = procedure.Steps[at].Name;

        var flows = HandbookDiff.Compare(BaselineLibrary.Load(), after, new DiffOptions { Flows = true }).Where(c => c.Field == "flows").ToList();

        Assert.Equal(3, flows.Count);
        Assert.Contains(flows, c => c is { Kind: ChangeKind.Added } && c.After == $"'{briefDesk}' → 'Notify suppliers'");
        Assert.Contains(flows, c => c is { Kind: ChangeKind.Removed, Path: "processes/problem/procedures/known-error" } && c.Before!.StartsWith($"'{briefDesk}' → ", StringComparison.Ordinal));
        Assert.DoesNotContain(HandbookDiff.Compare(BaselineLibrary.Load(), after), c => c.Field == "flows");
    }

    private static Step Step(Handbook handbook, string process, string procedure, string step) =>
        handbook.FindProcess(process)!.FindProcedure(procedure)!.FindStep(step)!;
}
