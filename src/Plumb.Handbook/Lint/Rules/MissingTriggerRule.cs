namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A process or procedure that does not say what starts it.</summary>
public sealed class MissingTriggerRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB124";

    /// <inheritdoc />
    public override string Name => "missing-trigger";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every process lists its triggers and every procedure says what starts it (trigger).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            if (process.Triggers.Count == 0)
            {
                context.Report(this, process, "triggers", $"{Describe.Process(process)} has no triggers; list under 'triggers:' what starts it");
            }
        }

        foreach (var (process, procedure, path) in context.Procedures())
        {
            if (!string.IsNullOrWhiteSpace(procedure.Trigger)) continue;
            context.Report(this, process, path + ".trigger",
                $"{Describe.Procedure(procedure)} has no trigger; add 'trigger:' to say what starts it");
        }
    }
}
