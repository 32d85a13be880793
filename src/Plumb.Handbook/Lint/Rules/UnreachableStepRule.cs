namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A step that no path from the first step of its procedure reaches.</summary>
public sealed class UnreachableStepRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB113";

    /// <inheritdoc />
    public override string Name => "unreachable-step";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every step can be reached from the first step of its procedure.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var (process, procedure, path) in context.Procedures())
        {
            if (procedure.Steps.Count < 2) continue;
            var flow = ProcedureFlow.Of(procedure);

            // A next or goto that names no step is reported on its own; what it was meant to reach is unknown.
            if (flow.HasUnknownTargets) continue;
            var reached = flow.ReachableFrom(0);
            var covered = (bool[])reached.Clone();
            for (var i = 0; i < reached.Length; i++)
            {
                if (covered[i]) continue;

                // Report the first step of a cut-off stretch once, naming the steps that only it leads to.
                var following = flow.ReachableFrom(i);
                var others = new List<string>();
                for (var j = 0; j < following.Length; j++)
                {
                    if (!following[j] || covered[j]) continue;
                    covered[j] = true;
                    if (j != i) others.Add($"'{procedure.Steps[j].Id}'");
                }

                var tail = others.Count == 0 ? "" : $" (nor {string.Join(", ", others)} after it)";
                context.Report(this, process, $"{path}.steps[{i}]",
                    $"{Describe.Step(procedure.Steps[i])} can never be reached{tail}: no next or branch of {Describe.Procedure(procedure)} leads to it");
            }
        }
    }
}
