namespace Plumb.Mining.Tests.Kpis;

using Plumb.Handbook.Measures;
using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;
using Plumb.Mining.Readers;

/// <summary>KPI measures on a small log whose figures are worked out by hand in the comments.</summary>
public sealed class MeasureEvaluatorTests
{
    // Four incidents. Hours from open to Resolved: A 2, B 10, C 30, D never resolved. A and C are priority 1.
    // B is reassigned twice (SD -> NET -> SD), C once; C is reopened. A and B open in January, C and D in February.
    private const string Csv = """
        number,activity,timestamp,group,state,priority
        A,New,2024-01-10T08:00:00Z,SD,1,1
        A,Resolved,2024-01-10T10:00:00Z,SD,6,1
        A,Closed,2024-01-11T10:00:00Z,SD,7,1
        B,New,2024-01-20T08:00:00Z,SD,1,3
        B,Reassigned,2024-01-20T09:00:00Z,NET,1,3
        B,Reassigned,2024-01-20T12:00:00Z,SD,1,3
        B,Resolved,2024-01-20T18:00:00Z,SD,6,3
        C,New,2024-02-01T00:00:00Z,SD,1,1
        C,Reassigned,2024-02-01T01:00:00Z,NET,1,1
        C,Resolved,2024-02-02T06:00:00Z,NET,6,1
        C,Reopened,2024-02-03T00:00:00Z,NET,2,1
        C,Resolved,2024-02-03T10:00:00Z,NET,6,1
        D,New,2024-02-05T00:00:00Z,SD,1,4
        """;

    private static readonly EventLog Log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(Csv)));

    private static readonly Process Process = new()
    {
        Id = "incident",
        Procedures = [new Procedure { Id = "p", Steps = [new Step { Id = "resolve", Tool = new ToolMapping { States = ["6"] } }] }],
    };

    private static MeasureEvaluator Evaluator => new(Log, Process);

    private static Measure Parse(string text) => MeasureParser.Parse(text).Value ?? throw new InvalidOperationException(MeasureParser.Parse(text).Error);

    [Theory]
    [InlineData("count", 4)]
    [InlineData("count where has step:resolve", 3)]
    [InlineData("median duration from start to step:resolve", 10)]        // 2, 10, 30
    [InlineData("mean duration from start to step:resolve", 14)]
    [InlineData("max duration from start to last step:resolve", 58)]      // C: last Resolved 58 h after opening
    [InlineData("p90 duration from start to state:6", 30)]                // nearest rank: ceil(0.9 * 3) = 3rd
    [InlineData("ratio where reassignments > 1", 25)]                     // B only
    [InlineData("ratio where reopened = 1", 25)]                          // C only
    [InlineData("ratio where visits \"Reassigned\" >= 1", 50)]
    [InlineData("ratio where duration from start to step:resolve <= 4h of priority = 1", 50)]   // A yes, C no
    [InlineData("ratio where not has step:resolve", 25)]
    [InlineData("count where priority in (1, 4)", 3)]
    [InlineData("count where groups = 2 and events >= 4", 2)]
    public void Evaluates_the_measure_to_the_hand_computed_value(string measure, double expected)
    {
        Assert.Equal(expected, Evaluator.Overall(Parse(measure)).Value!.Value, 9);
    }

    [Fact]
    public void Groups_by_month_and_by_field()
    {
        var byMonth = Evaluator.Grouped(Parse("count by period(month)"));
        var byPriority = Evaluator.Grouped(Parse("median duration from start to step:resolve by priority"));

        Assert.Equal([("2024-01", 2.0), ("2024-02", 2.0)], byMonth.Select(c => (c.Key, c.Value!.Value)));
        Assert.Equal([("1", (double?)16), ("3", 10), ("4", null)], byPriority.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void A_step_the_process_does_not_have_is_an_error_of_the_kpi_not_a_crash()
    {
        var process = new Process { Id = "incident", Kpis = [new Kpi { Id = "k", Name = "K", Measure = "count where has step:nope" }], Procedures = Process.Procedures };

        var result = KpiEvaluation.Evaluate(Log, process).Single();

        Assert.Contains("no step 'nope'", result.Error);
    }

    [Theory]
    [InlineData(8.0, KpiDirection.Lower, 7.0, RagStatus.Green)]
    [InlineData(8.0, KpiDirection.Lower, 8.8, RagStatus.Amber)]
    [InlineData(8.0, KpiDirection.Lower, 8.9, RagStatus.Red)]
    [InlineData(90.0, KpiDirection.Higher, 81.0, RagStatus.Amber)]
    [InlineData(90.0, KpiDirection.Higher, 80.9, RagStatus.Red)]
    public void Amber_means_missed_by_at_most_ten_percent_of_the_target(double target, KpiDirection direction, double value, RagStatus expected)
    {
        Assert.Equal(expected, KpiEvaluation.Status(new Kpi { Target = target, Direction = direction }, value));
    }
}
