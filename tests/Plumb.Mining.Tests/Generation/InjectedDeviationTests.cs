namespace Plumb.Mining.Tests.Generation;

using Plumb.Handbook.Samples;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.Generation;
using Plumb.Mining.Mapping;

/// <summary>Generated logs with known deviations: every injected deviation is found in its case.</summary>
public sealed class InjectedDeviationTests
{
    private static readonly Plumb.Handbook.Model.Handbook Handbook = ExampleHandbook.Create("Test");
    private static readonly Plumb.Handbook.Model.Procedure Procedure = Handbook.Processes[0].Procedures[0];

    [Fact]
    public void A_log_without_deviations_fits_the_documented_procedure()
    {
        var generated = LogGenerator.Generate(Handbook, Procedure, GeneratorOptions.Clean(300, 3));

        var result = Check(generated);

        Assert.Empty(generated.Injected);
        Assert.Equal(1.0, result.Overall.LogFitness);
        Assert.Equal(300, result.Overall.FittingCases);
        Assert.Empty(result.Deviations);
    }

    [Theory]
    [InlineData("skipped", DeviationKind.Skipped)]
    [InlineData("out-of-order", DeviationKind.OutOfOrder)]
    [InlineData("reopened", DeviationKind.Repeated)]
    public void Every_injected_deviation_is_found_in_its_case(string kind, DeviationKind expected)
    {
        var options = GeneratorOptions.Clean(400, 11) with
        {
            SkipRate = kind == "skipped" ? 0.2 : 0, SwapRate = kind == "out-of-order" ? 0.3 : 0, ReopenRate = kind == "reopened" ? 0.3 : 0,
        };
        var generated = LogGenerator.Generate(Handbook, Procedure, options);
        var result = Check(generated);
        var byCase = result.PerCase.ToDictionary(c => c.Case);

        Assert.NotEmpty(generated.Injected);
        foreach (var injected in generated.Injected)
        {
            var found = byCase[injected.Case].Deviations;
            Assert.True(found.Contains(new StepDeviationOfCase(injected.Step, expected)),
                $"{injected.Case}: injected {injected.Kind} of {injected.Step}, found {string.Join(", ", found)}");
        }

        // And no case without an injected deviation is reported as deviating.
        var injectedCases = generated.Injected.Select(i => i.Case).ToHashSet();
        Assert.All(result.PerCase.Where(c => !injectedCases.Contains(c.Case)), c => Assert.True(c.Fits, c.Case));
    }

    [Fact]
    public void Injected_reassignments_show_as_handovers_and_ping_pong_but_not_as_deviations()
    {
        var options = GeneratorOptions.Clean(300, 5) with { ReassignRate = 0.2 };
        var generated = LogGenerator.Generate(Handbook, Procedure, options);
        var result = Check(generated);
        var flow = GroupFlow.Discover(generated.Log);
        var cases = generated.Injected.Select(i => i.Case).ToHashSet();

        Assert.NotEmpty(cases);
        Assert.Equal(cases.Count, flow.CasesWithPingPong);
        Assert.NotEmpty(flow.Handovers);
        Assert.Equal(300, result.Overall.FittingCases);
    }

    [Fact]
    public void The_same_seed_gives_the_same_log()
    {
        var a = LogGenerator.Generate(Handbook, Procedure, new GeneratorOptions { Cases = 50, Seed = 9 }).Log;
        var b = LogGenerator.Generate(Handbook, Procedure, new GeneratorOptions { Cases = 50, Seed = 9 }).Log;

        Assert.Equal(a.Timestamps, b.Timestamps);
        Assert.Equal(a.Activities, b.Activities);
    }

    private static ConformanceResult Check(GeneratedLog generated) =>
        ConformanceChecker.CheckProcedure(generated.Log, Procedure, ProcedureMapping.Map(Procedure, generated.Log));
}
