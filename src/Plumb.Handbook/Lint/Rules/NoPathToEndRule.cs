namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A procedure, or a step in it, from which the end cannot be reached (an endless loop).</summary>
public sealed class NoPathToEndRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB114";

    /// <inheritdoc />
    public override string Name => "no-path-to-end";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every procedure can reach its end from the first step, and every reachable step has a path to the end.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var (process, procedure, path) in context.Procedures())
        {
            if (procedure.Steps.Count == 0) continue;
            var flow = ProcedureFlow.Of(procedure);
            var reached = flow.ReachableFrom(0);
            var ends = flow.ReachEnd();
            if (!ends[0])
            {
                context.Report(this, process, path,
                    $"{Describe.Procedure(procedure)} never ends: from its first step every path loops back; "
                    + "add 'next: end' or a branch with 'goto: end' where it finishes");
                continue;
            }

            // Report each trap once, at the step where a path that could still end enters it.
            var reported = new bool[ends.Length];
            for (var i = 0; i < ends.Length; i++)
            {
                if (!reached[i] || !ends[i]) continue;
                foreach (var next in flow.Successors[i])
                {
                    if (next == ProcedureFlow.End || ends[next] || reported[next]) continue;
                    reported[next] = true;
                    context.Report(this, process, $"{path}.steps[{next}]",
                        $"once at {Describe.Step(procedure.Steps[next])}, {Describe.Procedure(procedure)} can never reach its end; "
                        + "every path from there loops back");
                }
            }
        }
    }
}
