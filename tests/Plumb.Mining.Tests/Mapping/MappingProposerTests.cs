namespace Plumb.Mining.Tests.Mapping;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>Proposing the steps' tool mappings from logs shaped like real ones, and what the proposals then map.</summary>
public sealed class MappingProposerTests
{
    private static Procedure Incident() => BaselineLibrary.Load().FindProcess("incident")!.Procedures[0];

    private static EventLog Csv(string text) => SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text)));

    private static double Share(Procedure procedure, EventLog log) => (double)ProcedureMapping.Map(procedure, log).MappedEvents / log.EventCount;

    [Fact]
    public void Legacy_incident_states_of_an_export_are_proposed_as_states_of_the_steps_that_hold_their_meaning()
    {
        // Given a one-row-per-update export of an instance that still uses the legacy incident states
        var log = Csv(
            "number,incident_state,assignment_group,sys_updated_on\n" +
            "INC0010001,New,Service Desk,13/3/2016 9:05\n" +
            "INC0010001,Active,Service Desk,13/3/2016 9:30\n" +
            "INC0010001,Awaiting User Info,Service Desk,13/3/2016 10:00\n" +
            "INC0010001,Awaiting Vendor,Service Desk,13/3/2016 11:00\n" +
            "INC0010001,Awaiting Problem,Service Desk,13/3/2016 11:30\n" +
            "INC0010001,Awaiting Evidence,Service Desk,13/3/2016 11:45\n" +
            "INC0010001,Active,Network,13/3/2016 12:00\n" +
            "INC0010001,Resolved,Network,14/3/2016 8:00\n" +
            "INC0010001,Closed,Network,17/3/2016 8:00\n");
        var procedure = Incident();

        // When
        var proposals = MappingProposer.Propose(procedure, log);

        // Then every legacy state is a state of a step that works the ticket; the reassignment goes to the assignment step
        foreach (var state in new[] { "Active", "Awaiting User Info", "Awaiting Vendor", "Awaiting Problem", "Awaiting Evidence" })
        {
            var proposal = Assert.Single(proposals, p => p.Value == state);
            Assert.Equal(MappingTarget.State, proposal.Target);
            Assert.Equal("investigate", proposal.Step);
        }

        Assert.Equal("assign", Assert.Single(proposals, p => p.Value == StateChangeDeriver.Reassigned).Step);
        MappingProposer.Apply(procedure, proposals);
        Assert.Equal(1.0, Share(procedure, log));
        Assert.Contains("Awaiting User Info", procedure.Steps.Single(s => s.Id == "investigate").Tool!.States);
    }

    [Fact]
    public void Bpi_challenge_activities_are_proposed_by_their_words_and_map_every_event_they_name()
    {
        // The status-substatus activities of BPI Challenge 2013 and the activities of BPI Challenge 2014 and the help-desk log.
        var log = Csv(
            "case,activity,timestamp\n" +
            "1,Queued-Awaiting Assignment,2024-01-01T08:00:00Z\n1,Accepted-In Progress,2024-01-01T09:00:00Z\n" +
            "1,Accepted-Wait - User,2024-01-01T10:00:00Z\n1,Completed-Resolved,2024-01-01T11:00:00Z\n1,Completed-Closed,2024-01-02T11:00:00Z\n" +
            "2,Insert ticket,2024-01-01T08:00:00Z\n2,Assign seriousness,2024-01-01T08:10:00Z\n2,Take in charge ticket,2024-01-01T08:20:00Z\n" +
            "2,Require upgrade,2024-01-01T08:30:00Z\n2,Resolve ticket,2024-01-01T09:00:00Z\n2,Closed,2024-01-03T09:00:00Z\n" +
            "3,Open,2024-01-01T08:00:00Z\n3,Reassignment,2024-01-01T08:05:00Z\n3,Update from customer,2024-01-01T09:00:00Z\n" +
            "3,Unmatched-Unmatched,2024-01-01T09:30:00Z\n");
        var procedure = Incident();

        var proposals = MappingProposer.Propose(procedure, log).Where(p => p.Target != MappingTarget.Unobservable).ToDictionary(p => p.Value, p => p.Step);

        Assert.Equal("assign", proposals["Queued-Awaiting Assignment"]);
        Assert.Equal("investigate", proposals["Accepted-In Progress"]);
        Assert.Equal("investigate", proposals["Accepted-Wait - User"]);
        Assert.Equal("resolve", proposals["Completed-Resolved"]);
        Assert.Equal("close", proposals["Completed-Closed"]);
        Assert.Equal("log", proposals["Insert ticket"]);
        Assert.Equal("categorise", proposals["Assign seriousness"]);
        Assert.Equal("investigate", proposals["Take in charge ticket"]);
        Assert.Equal("assign", proposals["Require upgrade"]);
        Assert.Equal("resolve", proposals["Resolve ticket"]);
        Assert.Equal("assign", proposals["Reassignment"]);
        Assert.False(proposals.ContainsKey("Closed"), "Closed maps already, through the label of state 7");
        Assert.False(proposals.ContainsKey("Unmatched-Unmatched"), "words that say nothing known are not guessed");
        MappingProposer.Apply(procedure, MappingProposer.Propose(procedure, log));
        Assert.Equal(14.0 / 15, Share(procedure, log), 9);
    }

    [Fact]
    public void Proposals_are_counted_by_the_events_they_map_and_a_second_run_proposes_nothing()
    {
        var log = Csv("case,activity,timestamp\n1,Accepted-In Progress,2024-01-01T08:00:00Z\n1,Accepted-In Progress,2024-01-01T09:00:00Z\n2,Completed-Closed,2024-01-01T08:00:00Z\n");
        var procedure = Incident();

        var first = MappingProposer.Propose(procedure, log);
        MappingProposer.Apply(procedure, first);

        Assert.Equal(2, first.Single(p => p.Value == "Accepted-In Progress").Events);
        Assert.Empty(MappingProposer.Propose(procedure, log));
    }

    [Fact]
    public void An_activity_that_comes_after_a_later_step_is_said_so_and_stays_on_the_step_its_words_name()
    {
        // Given a help-desk log (helpdesk.xes shape, no group column) where "Require upgrade" (words: escalated, assigned) comes
        // after the ticket is taken in charge in two of its three cases, and before it in one
        var log = Csv("case,activity,timestamp\n" +
            "1,Assign seriousness,2024-01-01T08:00:00Z\n1,Take in charge ticket,2024-01-01T09:00:00Z\n1,Require upgrade,2024-01-01T10:00:00Z\n1,Resolve ticket,2024-01-01T11:00:00Z\n" +
            "2,Assign seriousness,2024-01-02T08:00:00Z\n2,Take in charge ticket,2024-01-02T09:00:00Z\n2,Require upgrade,2024-01-02T10:00:00Z\n2,Resolve ticket,2024-01-02T11:00:00Z\n" +
            "3,Assign seriousness,2024-01-03T08:00:00Z\n3,Require upgrade,2024-01-03T09:00:00Z\n3,Take in charge ticket,2024-01-03T10:00:00Z\n3,Resolve ticket,2024-01-03T11:00:00Z\n");

        // When mappings are proposed
        var proposals = MappingProposer.Propose(Incident(), log);

        // Then it stays an assignment (an escalation is one), and the proposal says it mostly comes after the investigation began:
        // rework the procedure does not allow, for the reader to judge, not hidden by moving it into the later step
        var upgrade = proposals.Single(p => p.Value == "Require upgrade");
        Assert.Equal("assign", upgrade.Step);
        Assert.Equal("reads as assigned; comes after investigate in 66 % of its cases", upgrade.Reason);
        Assert.DoesNotContain(proposals, p => p.Step == "assign" && p.Target == MappingTarget.Unobservable);
        Assert.Equal("investigate", proposals.Single(p => p.Value == "Take in charge ticket").Step);
    }

    [Fact]
    public void An_activity_that_comes_where_its_words_say_stays_there()
    {
        // Given the same log with "Require upgrade" before the ticket is taken in charge in two of three cases
        var log = Csv("case,activity,timestamp\n" +
            "1,Assign seriousness,2024-01-01T08:00:00Z\n1,Require upgrade,2024-01-01T09:00:00Z\n1,Take in charge ticket,2024-01-01T10:00:00Z\n" +
            "2,Assign seriousness,2024-01-02T08:00:00Z\n2,Require upgrade,2024-01-02T09:00:00Z\n2,Take in charge ticket,2024-01-02T10:00:00Z\n" +
            "3,Assign seriousness,2024-01-03T08:00:00Z\n3,Take in charge ticket,2024-01-03T09:00:00Z\n3,Require upgrade,2024-01-03T10:00:00Z\n");

        var upgrade = MappingProposer.Propose(Incident(), log).Single(p => p.Value == "Require upgrade");

        Assert.Equal("assign", upgrade.Step);
        Assert.Equal("reads as assigned", upgrade.Reason);
    }

    [Fact]
    public void A_step_no_event_shows_is_proposed_as_not_observable()
    {
        // An export that never records the logging of a ticket, nor a change being raised (BPI Challenge 2013 has neither).
        var log = Csv("case,activity,timestamp\n1,Accepted-In Progress,2024-01-01T08:00:00Z\n1,Completed-Resolved,2024-01-01T09:00:00Z\n" +
            "1,Completed-Closed,2024-01-02T09:00:00Z\n");
        var procedure = Incident();

        var unobservable = MappingProposer.Propose(procedure, log).Where(p => p.Target == MappingTarget.Unobservable).Select(p => p.Step).ToList();

        Assert.Contains("log", unobservable);
        Assert.Contains("raise-change", unobservable);
        Assert.DoesNotContain("investigate", unobservable);
        Assert.DoesNotContain("categorise", unobservable);
        Assert.True(procedure.Steps.Single(s => s.Id == "log").Tool!.Observable, "proposing leaves the procedure as it is");
    }

    [Fact]
    public void A_group_whose_events_mostly_sit_in_one_step_is_proposed_for_it_with_its_share()
    {
        // Given an export where "Desk" logs 20 tickets and "Tier 2" takes them over (reassigned), works and resolves them
        var text = new System.Text.StringBuilder("number,state,assignment_group,sys_updated_on\n");
        for (var c = 1; c <= 20; c++)
        {
            text.Append($"INC{c:D7},1,Desk,2024-01-{c:D2}T08:00:00Z\n");
            text.Append($"INC{c:D7},2,Tier 2,2024-01-{c:D2}T09:00:00Z\n");
            text.Append($"INC{c:D7},3,Tier 2,2024-01-{c:D2}T10:00:00Z\n");
            text.Append($"INC{c:D7},2,Tier 2,2024-01-{c:D2}T10:30:00Z\n");
            text.Append($"INC{c:D7},3,Tier 2,2024-01-{c:D2}T10:45:00Z\n");
            text.Append($"INC{c:D7},6,Tier 2,2024-01-{c:D2}T11:00:00Z\n");
        }

        var log = Csv(text.ToString());
        var procedure = Incident();

        // When
        var groups = MappingProposer.Propose(procedure, log).Where(p => p.Target == MappingTarget.Group).ToList();

        // Then each group goes to the step most of its events show, counted by those events
        var desk = Assert.Single(groups, p => p.Value == "Desk");
        Assert.Equal("log", desk.Step);
        Assert.Equal(20, desk.Events);
        var tier2 = Assert.Single(groups, p => p.Value == "Tier 2");
        Assert.Equal("investigate", tier2.Step);
        Assert.Equal(80, tier2.Events);
        Assert.Equal("66 % of the group's mapped events show this step", tier2.Reason);
        MappingProposer.Apply(procedure, groups);
        Assert.Contains("Tier 2", procedure.Steps.Single(s => s.Id == "investigate").Tool!.Groups);
        Assert.DoesNotContain(MappingProposer.Propose(procedure, log), p => p.Target == MappingTarget.Group);
    }

    [Fact]
    public void A_step_every_case_passes_that_the_log_rarely_shows_is_proposed_as_not_observable()
    {
        // Given a help-desk log where one ticket in 30 records "Insert ticket", though every ticket is taken in charge
        var text = new System.Text.StringBuilder("case,activity,timestamp\n");
        for (var c = 1; c <= 30; c++)
        {
            if (c == 1) text.Append($"{c},Insert ticket,2024-01-01T07:00:00Z\n");
            text.Append($"{c},Take in charge ticket,2024-01-01T08:00:00Z\n{c},Resolve ticket,2024-01-01T09:00:00Z\n{c},Closed,2024-01-02T09:00:00Z\n");
        }

        // When
        var proposals = MappingProposer.Propose(Incident(), Csv(text.ToString()));

        // Then logging is proposed as not observable, saying why; steps shown in most of the cases that can have them are not
        var log = Assert.Single(proposals, p => p.Step == "log" && p.Target == MappingTarget.Unobservable);
        Assert.Equal("shown in 1 of the 30 cases that reach investigate, which comes only after it: the log rarely records it", log.Reason);
        Assert.DoesNotContain(proposals, p => p.Step is "investigate" or "resolve" && p.Target == MappingTarget.Unobservable);
    }
}
