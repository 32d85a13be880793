namespace Plumb.Handbook.Tests.Gap;

using System.Text.RegularExpressions;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Folder;
using Plumb.Handbook.Gap;
using Plumb.Handbook.Model;

public sealed class GapAnalysisTests
{
    private const string AccessProcess = """
        id: access
        name: Access Management
        owner: service-desk-manager
        mission: Give the right people the right access, and take it away when they leave.
        procedures:
          - id: grant-access
            name: Grant access
            steps:
              - id: check-entitlement
                name: Check entitlement
                instruction: Check the requester may have the access.
                raci: { responsible: [service-desk-agent], accountable: [service-desk-manager] }
        """;

    [Fact]
    public void The_baseline_compared_with_itself_has_no_gaps()
    {
        Assert.Empty(GapAnalysis.Compare(BaselineLibrary.Load(), BaselineLibrary.Load()).Items);
    }

    [Fact]
    public void Gap_of_a_baseline_copy_edited_as_a_new_user_would_reports_exactly_those_edits()
    {
        // Given a handbook made with the baseline and then edited in its YAML files
        using var folder = new TempFolder();
        HandbookFolder.Save(BaselineLibrary.Load(), folder.Path);
        folder.Edit("processes/change.yaml", text => DeleteStep(text, "schedule-standard"));
        folder.Edit("handbook.yaml", text => text.Replace("name: Service Desk Agent\n", "name: First Line Analyst\n", StringComparison.Ordinal));
        folder.Edit("processes/incident.yaml", text => Regex.Replace(text, @"(- id: mttr\n(?:  .*\n)*?  target: )8\n", "${1}12\n"));
        File.WriteAllText(folder.File("processes/access.yaml"), AccessProcess);
        var handbook = Load(folder.Path);

        // When
        var items = GapAnalysis.Compare(BaselineLibrary.Load(), handbook).Items;

        // Then
        Assert.Collection(
            items,
            role =>
            {
                Assert.Equal((GapKind.Renamed, GapElement.Role, "roles/service-desk-agent"), (role.Kind, role.Element, role.Path));
                Assert.Equal(("Service Desk Agent", "First Line Analyst"), (role.Baseline, role.Handbook));
            },
            kpi =>
            {
                Assert.Equal((GapKind.Different, GapElement.Kpi, "incident/kpis/mttr"), (kpi.Kind, kpi.Element, kpi.Path));
                Assert.Equal(("at most 8 hours", "at most 12 hours"), (kpi.Baseline, kpi.Handbook));
            },
            step =>
            {
                Assert.Equal((GapKind.Missing, GapElement.Step, "change/standard-change/schedule-standard"), (step.Kind, step.Element, step.Path));
                Assert.Contains("step 'Schedule it' of procedure 'Carry out a standard change'", step.Message);
            },
            process => Assert.Equal((GapKind.Added, GapElement.Process, "access"), (process.Kind, process.Element, process.Path)));
    }

    [Fact]
    public void A_role_renamed_with_its_id_everywhere_is_one_rename_and_no_RACI_differences()
    {
        using var folder = new TempFolder();
        HandbookFolder.Save(BaselineLibrary.Load(), folder.Path);
        foreach (var file in Directory.GetFiles(folder.Path, "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            File.WriteAllText(file, text.Replace("service-desk-agent", "first-line", StringComparison.Ordinal)
                .Replace("Service Desk Agent", "First Line", StringComparison.Ordinal));
        }

        var item = Assert.Single(GapAnalysis.Compare(BaselineLibrary.Load(), Load(folder.Path)).Items);
        Assert.Equal(GapKind.Renamed, item.Kind);
        Assert.Equal("role 'Service Desk Agent' of the baseline is called 'First Line' (id 'first-line') in the handbook", item.Message);
    }

    [Fact]
    public void A_step_renamed_in_id_and_name_is_recognised_by_its_roles_and_neighbours()
    {
        var handbook = BaselineLibrary.Load();
        var step = handbook.FindProcess("problem")!.FindProcedure("investigate-problem")!.FindStep("analyse-cause")!;
        step.Id = "find-cause";
        step.Name = "Find the cause";
        handbook.FindProcess("problem")!.FindProcedure("investigate-problem")!.FindStep("assess-problem")!.Decision!.Branches[0].Goto = "find-cause";

        var item = Assert.Single(GapAnalysis.Compare(BaselineLibrary.Load(), handbook).Items);
        Assert.Equal((GapKind.Renamed, "Analyse the root cause", "Find the cause"), (item.Kind, item.Baseline, item.Handbook));
    }

    [Fact]
    public void A_changed_responsible_role_is_reported_with_role_names()
    {
        var handbook = BaselineLibrary.Load();
        handbook.FindProcess("incident")!.FindProcedure("handle-incident")!.FindStep("categorise")!.Raci.Responsible = ["resolver"];

        var item = Assert.Single(GapAnalysis.Compare(BaselineLibrary.Load(), handbook).Items);
        Assert.Equal(GapKind.Different, item.Kind);
        Assert.Equal(
            "step 'Categorise and prioritise' of procedure 'Log, resolve and close an incident' (Incident Management): " +
            "responsible is Resolver Group Agent; the baseline has Service Desk Agent",
            item.Message);
    }

    [Fact]
    public void A_step_moved_to_another_procedure_is_moved_not_missing_and_added()
    {
        var handbook = BaselineLibrary.Load();
        var problem = handbook.FindProcess("problem")!;
        var brief = problem.FindProcedure("known-error")!.FindStep("brief-desk")!;
        problem.FindProcedure("known-error")!.Steps.Remove(brief);
        problem.FindProcedure("investigate-problem")!.Steps.Add(brief);

        var item = Assert.Single(GapAnalysis.Compare(BaselineLibrary.Load(), handbook).Items);
        Assert.Equal((GapKind.Moved, GapElement.Step), (item.Kind, item.Element));
        Assert.Equal(("Publish a known error", "Identify, investigate and resolve a problem"), (item.Baseline, item.Handbook));
    }

    [Fact]
    public void A_handbook_of_some_practices_lacks_the_others_and_their_flows()
    {
        var report = GapAnalysis.Compare(BaselineLibrary.Load(), BaselineLibrary.Load(["incident"]));
        Assert.Equal(8, report.Items.Count(i => i is { Kind: GapKind.Missing, Element: GapElement.Process }));
        Assert.Contains(report.Items, i => i is { Kind: GapKind.Missing, Element: GapElement.DataFlow, Path: "incident/inputs/known-error|problem" });
        Assert.Contains(report.Items, i => i is { Kind: GapKind.Missing, Element: GapElement.Role, Baseline: "Fulfilment Agent" });
        Assert.DoesNotContain(report.Items, i => i.Kind == GapKind.Added);
    }

    [Fact]
    public void A_removed_CSF_and_a_new_KPI_are_reported()
    {
        var handbook = BaselineLibrary.Load();
        var knowledge = handbook.FindProcess("knowledge")!;
        knowledge.Csfs.RemoveAll(c => c.Id == "csf-current");
        knowledge.Kpis.Add(new Kpi { Id = "views", Name = "Article views", Measure = "count", Target = 100, Csf = "csf-grows" });

        var items = GapAnalysis.Compare(BaselineLibrary.Load(), handbook).Items;
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i is { Kind: GapKind.Missing, Element: GapElement.Csf, Path: "knowledge/csfs/csf-current" });
        Assert.Contains(items, i => i is { Kind: GapKind.Added, Element: GapElement.Kpi, Path: "knowledge/kpis/views" });
    }

    private static Handbook Load(string directory)
    {
        var load = HandbookFolder.Load(directory);
        Assert.True(load.Handbook is not null, string.Join("\n", load.Errors.Select(e => e.Format())));
        return load.Handbook;
    }

    // Deletes one step's block from a process file the way an editor would: from its "- id:" line to the next sibling.
    private static string DeleteStep(string text, string id)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimStart() == $"- id: {id}");
        Assert.True(start >= 0, $"no step {id}");
        var indent = lines[start].IndexOf('-', StringComparison.Ordinal);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end].TakeWhile(c => c == ' ').Count() > indent)) end++;
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }
}
