namespace Plumb.Editor.Tests.Diff;

using Plumb.Server.Editor.Diff;
using Plumb.Handbook.Diff;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;

public sealed class ProcedureDiffTests
{
    [Fact]
    public void A_step_inserted_and_a_step_changed_are_listed_and_marked_with_their_flows()
    {
        // Given a step inserted between "resolve" and "close", and a new instruction for "log"
        var older = ExampleHandbook.Create("Acme");
        var newer = ExampleHandbook.Create("Acme");
        var procedure = newer.FindProcess("incident")!.FindProcedure("handle-incident")!;
        procedure.Steps.Insert(2, new Step { Id = "check", Name = "Check with the caller" });
        procedure.FindStep("log")!.Instruction = "Log it while the caller is on the line.";

        var diff = ProcedureDiff.Between(older, newer, "incident", "handle-incident");

        Assert.Contains(diff.Changes, c => c is { Kind: ChangeKind.Added, Field: null } && c.Path.EndsWith("/steps/check", StringComparison.Ordinal));
        Assert.Contains(diff.Changes, c => c is { Kind: ChangeKind.Changed, Field: "instruction" });
        Assert.Contains(diff.Changes, c => c is { Kind: ChangeKind.Removed, Field: "flows", Before: "'Resolve the incident' → 'Confirm and close'" });
        Assert.Contains(new DiagramMark("Step_handle-incident_check", ChangeKind.Added), diff.Newer);
        Assert.Contains(new DiagramMark("Step_handle-incident_log", ChangeKind.Changed), diff.Newer);
        Assert.Contains(new DiagramMark("Flow_handle-incident_resolve_to_check", ChangeKind.Added), diff.Newer);
        Assert.Contains(new DiagramMark("Flow_handle-incident_resolve_to_close", ChangeKind.Removed), diff.Older);
        Assert.DoesNotContain(diff.Older, m => m.Kind == ChangeKind.Added);
    }

    [Fact]
    public void Changes_to_other_procedures_and_processes_are_left_out()
    {
        var older = ExampleHandbook.Create("Acme");
        var newer = ExampleHandbook.Create("Acme");
        newer.FindProcess("incident")!.Mission = "Restore service.";
        newer.Roles.Find(r => r.Id == "incident-manager")!.Name = "Major Incident Manager";

        var diff = ProcedureDiff.Between(older, newer, "incident", "handle-incident");

        Assert.Empty(diff.Changes);
        Assert.True(diff.Newer.Count == 0, string.Join(", ", diff.Newer));
    }
}
