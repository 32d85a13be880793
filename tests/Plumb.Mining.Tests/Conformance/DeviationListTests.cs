namespace Plumb.Mining.Tests.Conformance;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>Cases of one trace share a list of deviations when their undocumented activities are the same, not only when they follow each other.</summary>
public sealed class DeviationListTests
{
    private static readonly Handbook Baseline = BaselineLibrary.Load();

    [Fact]
    public void Cases_of_a_trace_with_the_same_undocumented_activity_share_one_list_across_other_cases()
    {
        // Given three cases of one trace, the first and the third with the same undocumented activity, the second another
        var rows = string.Join('\n', new[] { ("INC1", "Unplanned call"), ("INC2", "Side task"), ("INC3", "Unplanned call") }.Select(c => $"""
            {c.Item1},New,2024-01-01T08:00:00Z,1
            {c.Item1},{c.Item2},2024-01-01T08:30:00Z,
            {c.Item1},In Progress,2024-01-01T09:00:00Z,2
            {c.Item1},Resolved,2024-01-01T11:00:00Z,6
            {c.Item1},Closed,2024-01-04T11:00:00Z,7
            """));
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("number,activity,timestamp,state\n" + rows)));
        var procedure = Baseline.FindProcess("incident")!.Procedures[0];

        // When replayed
        var result = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log));

        // Then each case names its own undocumented activity, counted per case, and the first and third share one list
        Assert.Equal(["Unplanned call", "Side task", "Unplanned call"],
            result.PerCase.Select(c => c.Deviations.Single(d => d.Kind == DeviationKind.Undocumented).Step));
        Assert.Equal(2, result.Deviations.Single(d => d is { Kind: DeviationKind.Undocumented, Step: "Unplanned call" }).Cases);
        Assert.Equal(1, result.Deviations.Single(d => d is { Kind: DeviationKind.Undocumented, Step: "Side task" }).Cases);
        var listOf = ((CaseConformanceList)result.PerCase).Deviations.ListOf;
        Assert.Equal(listOf[0], listOf[2]);
        Assert.NotEqual(listOf[0], listOf[1]);
    }
}
