namespace Plumb.Mining.Tests.Mapping;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>Steps told apart by a record field (tool.when): read per event or per case, used in mapping and replay, proposed by plumb map.</summary>
public sealed class FieldConditionTests
{
    private static Procedure Incident() => BaselineLibrary.Load().FindProcess("incident")!.Procedures[0];

    // BPI Challenge 2013 shape: the same activity at the service desk (ST Level L1) and at a resolver (L2, L3).
    private static string Vinst(int cases)
    {
        var text = new System.Text.StringBuilder("SR Number,Change Date+Time,Activity,ST Level,SR Latest Impact\n");
        for (var c = 1; c <= cases; c++)
        {
            var day = $"2012-01-{1 + (c % 28):D2}";
            text.Append($"1-{c},{day}T08:00:00Z,Accepted-In Progress,L1,Medium\n");
            text.Append($"1-{c},{day}T08:30:00Z,Accepted-In Progress,L1,Medium\n");
            if (c % 3 == 0)
            {
                text.Append($"1-{c},{day}T09:00:00Z,Queued-Awaiting Assignment,L2,Medium\n");
                text.Append($"1-{c},{day}T10:00:00Z,Accepted-In Progress,L2,Medium\n");
            }

            text.Append($"1-{c},{day}T11:00:00Z,Completed-Resolved,{(c % 3 == 0 ? "L2" : "L1")},Medium\n");
        }

        return text.ToString();
    }

    private static EventLog Read(string text, params string[] perEvent) =>
        SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text), new CsvLogOptions { EventAttributes = perEvent }));

    [Fact]
    public void A_column_named_for_events_is_kept_per_event_beside_the_case_value()
    {
        var log = Read(Vinst(3), "st level");

        var level = log.FindEventAttribute("ST Level")!;
        Assert.Equal(["L1", "L1", "L2", "L2", "L2"], Enumerable.Range(log.Start(2), 5).Select(level.ValueOf));
        Assert.Equal("L2", log.FindAttribute("ST Level")!.ValueOf(2));
        Assert.Null(log.FindEventAttribute("SR Latest Impact"));
        Assert.Empty(Read(Vinst(3)).EventAttributes);
    }

    [Fact]
    public void A_condition_sends_each_event_to_the_step_its_field_names()
    {
        var procedure = Incident();
        var match = procedure.Steps.Single(s => s.Id == "match");
        var investigate = procedure.Steps.Single(s => s.Id == "investigate");
        match.Tool!.Activities.Add("Accepted-In Progress");
        match.Tool.When = new ToolCondition { Attribute = "ST Level", Values = ["l1"] };
        investigate.Tool!.Activities.Add("Accepted-In Progress");
        investigate.Tool.When = new ToolCondition { Attribute = "ST Level", Values = ["L2", "L3"] };

        var perEvent = ProcedureMapping.Map(procedure, Read(Vinst(3), "ST Level"));
        var perCase = ProcedureMapping.Map(procedure, Read(Vinst(3)));
        var none = ProcedureMapping.Map(procedure, Read(Vinst(3).Replace("ST Level", "Level", StringComparison.Ordinal)));

        string Step(ProcedureMapping m, int e) => m.StepOfEvent[e] < 0 ? "-" : procedure.Steps[m.StepOfEvent[e]].Id;
        var log = Read(Vinst(3), "ST Level");
        Assert.Equal(["match", "match", "-", "investigate"], Enumerable.Range(log.Start(2), 4).Select(e => Step(perEvent, e)));

        // Without the field per event, the case's (last) value decides for all its events; without the field, no event shows the steps.
        Assert.Equal(["investigate", "investigate"], Enumerable.Range(log.Start(2), 2).Select(e => Step(perCase, e)));
        Assert.Equal(["match", "match"], Enumerable.Range(log.Start(0), 2).Select(e => Step(perCase, e)));
        Assert.DoesNotContain(Enumerable.Range(0, log.EventCount), e => Step(none, e) is "match" or "investigate");
    }

    [Fact]
    public void Plumb_map_proposes_the_field_that_tells_the_service_desks_work_from_a_resolvers_and_replay_follows_it()
    {
        // Given a log where the service desk works every ticket at L1 first and a third go on to a resolver at L2
        var log = Read(Vinst(30), "*");
        var procedure = Incident();

        // When the proposals are made and accepted
        var proposals = MappingProposer.Propose(procedure, log);
        var before = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log)).Overall;
        MappingProposer.Apply(procedure, proposals);

        // Then matching takes the L1 work and investigating the rest, each said with its events and why
        var match = Assert.Single(proposals, p => p.Step == "match" && p.Target == MappingTarget.Condition);
        Assert.Equal("ST Level = L1", match.Value);
        Assert.Equal(60, match.Events);
        Assert.StartsWith("ST Level tells investigate's events apart: L1 opens it in 100 % of its cases", match.Reason);
        Assert.Equal(["L2"], procedure.Steps.Single(s => s.Id == "investigate").Tool!.When!.Values);
        Assert.Contains("Accepted-In Progress", procedure.Steps.Single(s => s.Id == "match").Tool!.Activities);
        Assert.DoesNotContain(proposals, p => p.Step == "match" && p.Target == MappingTarget.Unobservable);
        Assert.DoesNotContain(proposals, p => p.Value.StartsWith("SR Latest Impact", StringComparison.Ordinal));
        var after = ConformanceChecker.CheckProcedure(log, procedure, ProcedureMapping.Map(procedure, log)).Overall;
        Assert.True(after.FittingCases > before.FittingCases, $"fitting cases {before.FittingCases} -> {after.FittingCases}");
    }
}
