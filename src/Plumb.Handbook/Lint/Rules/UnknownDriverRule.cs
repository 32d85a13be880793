namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.Model;

/// <summary>A process names a driver or pain point that handbook.yaml does not define.</summary>
public sealed class UnknownDriverRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB107";

    /// <inheritdoc />
    public override string Name => "unknown-driver-or-pain-point";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "A process's drivers and painPoints name ids defined in handbook.yaml.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var process in context.Handbook.Processes)
        {
            Check(context, process, "drivers", "driver", process.Drivers, context.Handbook.Drivers);
            Check(context, process, "painPoints", "pain point", process.PainPoints, context.Handbook.PainPoints);
        }
    }

    private void Check(LintContext context, Process process, string key, string what, List<string> ids, List<Statement> known)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (known.Any(s => s.Id == ids[i])) continue;
            context.Report(this, process, Describe.Item(key, i, ids.Count),
                $"{Describe.Process(process)} names the {what} '{ids[i]}', but handbook.yaml lists no such {what} under {key}"
                + Describe.DidYouMean(ids[i], known.Select(s => s.Id)));
        }
    }
}
