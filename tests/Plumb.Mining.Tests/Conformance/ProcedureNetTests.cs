namespace Plumb.Mining.Tests.Conformance;

using Plumb.Handbook.Model;
using Plumb.Mining.Conformance;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;

/// <summary>The documented procedure as a Petri net: choices, parallel branches with a join, and silent routing replay cleanly.</summary>
public sealed class ProcedureNetTests
{
    private static Procedure Branching() => new()
    {
        Id = "p", Name = "Branching",
        Steps =
        [
            new Step { Id = "log", Name = "Log" },
            new Step
            {
                Id = "triage", Name = "Triage",
                Decision = new Decision { Kind = DecisionKind.Exclusive, Branches = [new Branch { When = "simple", Goto = "fix" }, new Branch { When = "major", Goto = "notify" }] },
            },
            new Step
            {
                Id = "notify", Name = "Notify",
                Decision = new Decision { Kind = DecisionKind.Parallel, Branches = [new Branch { Goto = "inform" }, new Branch { Goto = "escalate" }] },
            },
            new Step { Id = "inform", Name = "Inform", Next = "fix" },
            new Step { Id = "escalate", Name = "Escalate", Next = "fix" },
            new Step { Id = "fix", Name = "Fix", Join = JoinKind.All },
            new Step { Id = "close", Name = "Close" },
        ],
    };

    [Fact]
    public void Exclusive_and_parallel_decisions_become_choice_places_and_silent_and_splits()
    {
        var net = ProcedureNet.Build(Branching());

        Assert.Equal(7, net.Transitions.Count(t => !t.IsSilent));
        // Two branches of the choice, the AND-split after notify, the AND-join of inform and escalate before fix.
        Assert.Equal(4, net.Transitions.Count(t => t.IsSilent));
        Assert.Equal(2, net.Transitions.Single(t => t.Id == "fix.and-join").Inputs.Length);
        Assert.Single(net.Transitions.Single(t => t.Label == "fix").Inputs);
    }

    [Fact]
    public void Both_orders_of_parallel_branches_fit_and_a_missing_branch_is_skipped()
    {
        var replayer = new TokenReplayer(ProcedureNet.Build(Branching()));
        int[] Trace(params string[] steps) => steps.Select(replayer.LabelOf).ToArray();

        Assert.True(replayer.Replay(Trace("log", "triage", "fix", "close")).Fits);
        Assert.True(replayer.Replay(Trace("log", "triage", "notify", "inform", "escalate", "fix", "close")).Fits);
        Assert.True(replayer.Replay(Trace("log", "triage", "notify", "escalate", "inform", "fix", "close")).Fits);
        var missing = replayer.Replay(Trace("log", "triage", "notify", "inform", "fix", "close"));
        Assert.False(missing.Fits);
        Assert.Contains(new LabelDeviation(DeviationKind.Skipped, replayer.LabelOf("escalate")), missing.Deviations);
    }

    [Fact]
    public void A_generated_log_of_a_branching_procedure_fits_it()
    {
        var handbook = new Handbook();
        var procedure = Branching();
        var generated = LogGenerator.Generate(handbook, procedure, GeneratorOptions.Clean(200, 4));

        var result = ConformanceChecker.CheckProcedure(generated.Log, procedure, ProcedureMapping.Map(procedure, generated.Log));

        Assert.Equal(1.0, result.Overall.LogFitness);
        Assert.Equal(200, result.Overall.FittingCases);
        Assert.True(result.Variants >= 3);
    }
}
