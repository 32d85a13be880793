namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>An output that no process or step uses.</summary>
public sealed class OutputNotConsumedRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB112";

    /// <inheritdoc />
    public override string Name => "output-not-consumed";

    /// <inheritdoc />
    public override Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public override string Description => "Every output is used somewhere: by its to party, or by some process or step when it has no to.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var index = new DataFlowIndex(context);
        foreach (var site in context.Flows().Where(f => !f.IsInput))
        {
            if (index.Unmatched(site) is not { } reason) continue;
            var to = site.Flow.Party is { } party ? $" to '{party}'" : "";
            context.Report(this, site.Process, site.Path, $"{site.Owner} hands '{site.Flow.Record}'{to} on as output, but {reason}");
        }
    }
}
