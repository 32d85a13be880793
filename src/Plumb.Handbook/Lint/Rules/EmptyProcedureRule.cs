namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A procedure without steps.</summary>
public sealed class EmptyProcedureRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB130";

    /// <inheritdoc />
    public override string Name => "empty-procedure";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every procedure has at least one step.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var (process, procedure, path) in context.Procedures())
        {
            if (procedure.Steps.Count > 0) continue;
            context.Report(this, process, path, $"{Describe.Procedure(procedure)} has no steps; add them under 'steps:'");
        }
    }
}
