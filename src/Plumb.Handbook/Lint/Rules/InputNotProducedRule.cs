namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>An input that no process or step produces.</summary>
public sealed class InputNotProducedRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB111";

    /// <inheritdoc />
    public override string Name => "input-not-produced";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every input is produced somewhere: by its from party, or by some process or step when it has no from.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var index = new DataFlowIndex(context);
        foreach (var site in context.Flows().Where(f => f.IsInput))
        {
            if (index.Unmatched(site) is not { } reason) continue;
            var from = site.Flow.Party is { } party ? $" from '{party}'" : "";
            context.Report(this, site.Process, site.Path, $"{site.Owner} takes '{site.Flow.Record}'{from} as input, but {reason}");
        }
    }
}
