namespace Plumb.Handbook.Tests.Lint;

using static Plumb.Handbook.Tests.Lint.LintKit;

/// <summary>How the rules behave beyond one mistake: across processes, and without reporting one mistake twice.</summary>
public sealed class LintSemanticsTests
{
    private const string Problem = """
        id: problem
        name: Problem Management
        owner: manager
        purpose: Remove the causes of incidents.
        triggers: [Repeated incidents.]
        procedures:
          - id: investigate
            name: Investigate a problem
            purpose: Find the root cause.
            trigger: A problem is raised.
            steps:
              - id: raise
                name: Raise the problem
                instruction: Record the problem.
                raci: {responsible: agent, accountable: manager}
                inputs:
                  - record: incident-record
                    from: incident

        """;

    [Fact]
    public void An_input_from_another_process_is_fine_when_that_process_produces_it()
    {
        var diagnostics = Check(Handbook, Process, Problem);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_input_from_another_process_is_reported_when_that_process_does_not_produce_it()
    {
        var problem = Problem.Edit("record: incident-record", "record: problem-record");

        var diagnostic = Assert.Single(Check(Handbook, Process, problem));

        Assert.Equal("PLB111", diagnostic.Code);
        Assert.Equal("processes/problem.yaml:17:13", diagnostic.Where());
        Assert.Contains("process 'incident' (Incident Management) does not list 'problem-record' among its outputs", diagnostic.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_input_without_a_party_is_fine_when_its_process_takes_the_record_in()
    {
        var process = Process.Edit("drivers: [D1]\n", "drivers: [D1]\ninputs:\n  - record: problem-record\n    from: analyst\n")
            .Edit("record: incident-record\n            from: caller", "record: problem-record");

        Assert.Empty(Check(process));
    }

    [Fact]
    public void A_misspelt_next_is_reported_once_and_not_again_as_an_unreachable_step()
    {
        var process = Process.Edit("        inputs:\n", "        next: resolv\n        inputs:\n");

        var diagnostic = Assert.Single(Check(process));

        Assert.Equal("PLB104", diagnostic.Code);
        Assert.Contains("did you mean 'resolve'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_off_stretch_of_steps_is_reported_once_at_its_first_step()
    {
        var process = Process.Edit("        inputs:\n", "        next: end\n        inputs:\n")
            + "      - id: confirm\n        name: Confirm\n        instruction: Ask.\n        raci: {responsible: agent, accountable: manager}\n";

        var diagnostic = Assert.Single(Check(process));

        Assert.Equal("PLB113", diagnostic.Code);
        Assert.Contains("step 'resolve' (Resolve the incident) can never be reached (nor 'confirm' after it)", diagnostic.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_with_no_way_out_is_reported_once_where_the_flow_enters_it()
    {
        var steps = """
                  - id: check
                    name: Check
                    instruction: Check it.
                    raci: {responsible: agent, accountable: manager}
                    decision:
                      question: Solved?
                      branches:
                        - when: solved
                          goto: end
                        - when: not solved
                          goto: retry
                  - id: retry
                    name: Retry
                    instruction: Try again.
                    raci: {responsible: agent, accountable: manager}
                  - id: wait
                    name: Wait
                    instruction: Wait a bit.
                    raci: {responsible: agent, accountable: manager}
                    next: retry

            """;
        var process = Process + steps;

        var diagnostic = Assert.Single(Check(process));

        Assert.Equal("PLB114", diagnostic.Code);
        Assert.StartsWith("once at step 'retry' (Retry)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("processes/incident.yaml:54:9", diagnostic.Where());
    }

    [Fact]
    public void A_finding_id_used_in_two_processes_is_reported_in_the_second()
    {
        var finding = "findings:\n  - id: F1\n    text: Slow.\n    owner: manager\n";

        var diagnostic = Assert.Single(Check(Handbook, Process + finding, Problem + finding));

        Assert.Equal("PLB118", diagnostic.Code);
        Assert.Equal("processes/problem.yaml:20:9", diagnostic.Where());
        Assert.Contains("already used in processes/incident.yaml", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_naming_a_step_of_another_process_is_reported()
    {
        var process = Process.Edit("to step:resolve", "to step:raise");

        var diagnostic = Assert.Single(Check(Handbook, process, Problem));

        Assert.Equal("PLB120", diagnostic.Code);
        Assert.Contains("names 'step:raise', but process 'incident' (Incident Management) has no such step", diagnostic.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_to_a_procedure_of_another_process_is_fine()
    {
        var process = Process.Edit("        inputs:\n", "        call: problem/investigate\n        inputs:\n");

        Assert.Empty(Check(Handbook, process, Problem));
    }
}
