namespace Plumb.Handbook.Tests.Merge;

using Plumb.Handbook.Json;
using Plumb.Handbook.Merge;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;

public sealed class HandbookMergeTests
{
    private static Process Incident() => ExampleHandbook.Create("Acme").FindProcess("incident")!;

    private static Step Step(Process process, string id) => process.Procedures[0].FindStep(id)!;

    [Fact]
    public void Changes_to_different_fields_of_one_step_both_arrive()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        Step(mine, "log").Instruction = "Log it in the tool, with the caller on the phone.";
        Step(theirs, "log").Name = "Record the incident";

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        Assert.True(result.IsClean);
        Assert.Equal("Log it in the tool, with the caller on the phone.", Step(result.Merged, "log").Instruction);
        Assert.Equal("Record the incident", Step(result.Merged, "log").Name);
    }

    [Fact]
    public void The_same_field_changed_differently_is_a_conflict_that_keeps_all_three_texts()
    {
        // Given
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        var original = Step(baseline, "resolve").Instruction;
        Step(mine, "resolve").Instruction = "Mine: apply the known workaround.";
        Step(theirs, "resolve").Instruction = "Theirs: escalate after 30 minutes.";

        // When
        var result = HandbookMerge.Merge(baseline, mine, theirs);

        // Then
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("procedures[0].steps[1].instruction", conflict.Path);
        Assert.Equal("process incident › procedure handle-incident › step resolve › instruction", conflict.Where);
        Assert.Equal(original, conflict.Base);
        Assert.Equal("Mine: apply the known workaround.", conflict.Mine);
        Assert.Equal("Theirs: escalate after 30 minutes.", conflict.Theirs);
        Assert.True(conflict.IsText);
        Assert.Equal("Mine: apply the known workaround.", Step(result.Merged, "resolve").Instruction);
    }

    [Fact]
    public void Keeping_both_texts_puts_both_sides_into_the_field()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        Step(mine, "resolve").Instruction = "Mine.";
        Step(theirs, "resolve").Instruction = "Theirs.";
        var result = HandbookMerge.Merge(baseline, mine, theirs);

        var resolved = HandbookMerge.Resolve(result, [new MergeResolution(result.Conflicts[0].Path, MergeChoice.Both)]);

        Assert.Equal("Mine.\n\nTheirs.", Step(resolved, "resolve").Instruction);
    }

    [Theory]
    [InlineData(MergeChoice.Mine, "Mine.")]
    [InlineData(MergeChoice.Theirs, "Theirs.")]
    [InlineData(MergeChoice.Custom, "Written while resolving.")]
    public void A_resolution_sets_the_chosen_text(MergeChoice choice, string expected)
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        mine.Purpose = "Mine.";
        theirs.Purpose = "Theirs.";
        var result = HandbookMerge.Merge(baseline, mine, theirs);

        var resolved = HandbookMerge.Resolve(result, [new MergeResolution("purpose", choice, "Written while resolving.")]);

        Assert.Equal(expected, resolved.Purpose);
    }

    [Fact]
    public void Role_ids_added_on_both_sides_are_all_kept_and_a_removal_on_one_side_is_applied()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        var before = Step(baseline, "log").Raci.Responsible.ToList();
        Step(mine, "log").Raci.Consulted.Add("incident-manager");
        Step(theirs, "log").Raci.Informed.Add("caller");
        Step(theirs, "log").Raci.Responsible.Clear();
        Step(theirs, "log").Raci.Responsible.Add("incident-manager");

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        Assert.True(result.IsClean);
        var raci = Step(result.Merged, "log").Raci;
        Assert.Equal(["incident-manager"], raci.Responsible);
        Assert.Contains("incident-manager", raci.Consulted);
        Assert.Contains("caller", raci.Informed);
        Assert.NotEqual(before, raci.Responsible);
    }

    [Fact]
    public void Steps_added_on_both_sides_are_kept_in_place_after_their_neighbours()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        mine.Procedures[0].Steps.Insert(1, new Step { Id = "categorise", Name = "Categorise" });
        theirs.Procedures[0].Steps.Insert(2, new Step { Id = "escalate", Name = "Escalate" });

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        Assert.True(result.IsClean);
        Assert.Equal(["log", "categorise", "resolve", "escalate", "close"], result.Merged.Procedures[0].Steps.Select(s => s.Id));
    }

    [Fact]
    public void A_step_removed_on_one_side_and_changed_on_the_other_is_kept_and_reported()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        mine.Procedures[0].Steps.RemoveAll(s => s.Id == "close");
        Step(theirs, "close").Instruction = "Ask the caller before closing.";

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.True(conflict.IsRemoval);
        Assert.Null(conflict.Mine);
        Assert.Contains("Ask the caller before closing.", conflict.Theirs, StringComparison.Ordinal);
        Assert.Equal("Ask the caller before closing.", Step(result.Merged, "close").Instruction);

        var removed = HandbookMerge.Resolve(result, [new MergeResolution(conflict.Path, MergeChoice.Mine)]);
        Assert.Null(removed.Procedures[0].FindStep("close"));
    }

    [Fact]
    public void A_step_removed_on_one_side_and_untouched_on_the_other_is_removed()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        theirs.Procedures[0].Steps.RemoveAll(s => s.Id == "close");
        Step(mine, "log").Name = "Log";

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        Assert.True(result.IsClean);
        Assert.Null(result.Merged.Procedures[0].FindStep("close"));
        Assert.Equal("Log", Step(result.Merged, "log").Name);
    }

    [Fact]
    public void The_same_change_on_both_sides_is_no_conflict()
    {
        var (baseline, mine, theirs) = (Incident(), Incident(), Incident());
        Step(mine, "log").Kind = StepKind.Manual;
        Step(theirs, "log").Kind = StepKind.Manual;

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        Assert.True(result.IsClean);
        Assert.Equal(StepKind.Manual, Step(result.Merged, "log").Kind);
    }

    [Fact]
    public void Handbook_roles_merge_by_id_and_name_the_role_in_the_conflict()
    {
        var (baseline, mine, theirs) = (ExampleHandbook.Create("A"), ExampleHandbook.Create("A"), ExampleHandbook.Create("A"));
        mine.FindRole("caller")!.Description = "Any member of staff.";
        theirs.FindRole("caller")!.Description = "Anyone who phones the desk.";
        theirs.Roles.Add(new Role { Id = "problem-manager", Name = "Problem Manager" });

        var result = HandbookMerge.Merge(baseline, mine, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("handbook › role caller › description", conflict.Where);
        Assert.NotNull(result.Merged.FindRole("problem-manager"));
    }

    [Fact]
    public void A_merge_of_unchanged_sides_round_trips_the_whole_process()
    {
        var process = Incident();

        var result = HandbookMerge.Merge(Incident(), Incident(), Incident());

        Assert.True(result.IsClean);
        Assert.Equal(HandbookJson.Serialize(new Handbook { Processes = [process] }),
            HandbookJson.Serialize(new Handbook { Processes = [result.Merged] }));
    }
}
