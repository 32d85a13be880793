namespace Plumb.Handbook.Tests.Measures;

using Plumb.Handbook.Measures;

public sealed class MeasureParserTests
{
    [Theory]
    [InlineData("median duration from start to step:resolve by priority")]
    [InlineData("ratio where not has step:assign")]
    [InlineData("ratio where reassignments > 1")]
    [InlineData("ratio where duration from start to step:resolve <= 4h of priority = 1")]
    [InlineData("count where has step:declare-major by period(month)")]
    [InlineData("ratio where visits \"Reopened\" >= 1 by period(month)")]
    [InlineData("p90 duration from start to state:7 where priority in (1, 2)")]
    [InlineData("count")]
    [InlineData("median duration from field:opened_at to field:resolved_at")]
    [InlineData("mean duration from first \"Assigned\" to last state:-5 where (priority = 1 or group = \"Service Desk\") and not reopened = 1 by period(week), group")]
    public void Every_documented_example_parses(string text)
    {
        var result = MeasureParser.Parse(text);

        Assert.True(result.Succeeded, $"{result.Error} at column {result.Column}");
    }

    [Fact]
    public void A_record_field_is_a_milestone_and_a_condition_field_is_found()
    {
        var measure = MeasureParser.Parse("median duration from field:opened_at to field:resolved_at where reassignments > 1").Value!;

        var aggregate = Assert.IsType<DurationAggregate>(measure.Aggregate);
        Assert.Equal(new Milestone(MilestoneKind.Target, new Target(TargetKind.Field, "resolved_at")), aggregate.To);
        Assert.Equal(["reassignments"], MeasureTargets.FieldsOf(measure));
    }

    [Fact]
    public void A_duration_measure_keeps_its_statistic_milestones_and_groupings()
    {
        var measure = MeasureParser.Parse("p95 duration from start to last step:close where priority in (1, 2) by period(month), group").Value!;

        var aggregate = Assert.IsType<DurationAggregate>(measure.Aggregate);
        Assert.Equal(new Statistic(StatisticKind.Percentile, 95), aggregate.Statistic);
        Assert.Equal(MilestoneKind.Start, aggregate.From.Kind);
        Assert.Equal(new Milestone(MilestoneKind.Target, new Target(TargetKind.Step, "close"), Last: true), aggregate.To);
        var where = Assert.IsType<InCondition>(aggregate.Where);
        Assert.Equal(["1", "2"], where.Values);
        Assert.Equal([new Grouping(GroupingKind.Period, "month"), new Grouping(GroupingKind.Field, "group")], measure.Groupings);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var measure = MeasureParser.Parse("count where priority = 1 or priority = 2 and has step:escalate").Value!;

        var or = Assert.IsType<OrCondition>(Assert.IsType<CountAggregate>(measure.Aggregate).Where);
        Assert.IsType<FieldCondition>(or.Left);
        Assert.IsType<AndCondition>(or.Right);
    }

    [Fact]
    public void A_duration_condition_reads_its_unit()
    {
        var measure = MeasureParser.Parse("ratio where duration from start to step:resolve <= 2d").Value!;

        var condition = Assert.IsType<DurationCondition>(Assert.IsType<RatioAggregate>(measure.Aggregate).Where);
        Assert.Equal(TimeSpan.FromDays(2), condition.Duration);
        Assert.Equal(Comparison.LessOrEqual, condition.Comparison);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("average duration from start to end", 1, "starts with count, ratio")]
    [InlineData("median duration from start", 27, "from MILESTONE to MILESTONE")]
    [InlineData("median duration from start to resolve", 31, "milestone")]
    [InlineData("ratio has step:x", 7, "'where'")]
    [InlineData("count by period(fortnight)", 17, "day, week, month")]
    [InlineData("ratio where duration from start to end <= 4", 44, "unit")]
    [InlineData("count where priority ~ 1", 22, "unexpected character")]
    [InlineData("count where (priority = 1", 26, "not closed")]
    [InlineData("count where priority = 1 extra", 26, "unexpected 'extra'")]
    [InlineData("count where visits \"Reopened\" > many", 33, "number")]
    public void A_broken_measure_is_reported_with_its_column(string text, int column, string words)
    {
        var result = MeasureParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(column, result.Column);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_lists_every_step_activity_and_state_named()
    {
        var measure = MeasureParser.Parse("ratio where has step:a and visits \"B\" > 1 of duration from state:2 to step:c < 1h").Value!;

        Assert.Equal(
            [new Target(TargetKind.Step, "a"), new Target(TargetKind.Activity, "B"), new Target(TargetKind.State, "2"), new Target(TargetKind.Step, "c")],
            MeasureTargets.Of(measure));
    }
}
