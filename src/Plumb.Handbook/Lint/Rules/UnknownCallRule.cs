namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.References;

/// <summary>A step calls a procedure that does not exist.</summary>
public sealed class UnknownCallRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB105";

    /// <inheritdoc />
    public override string Name => "unknown-call";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "A step's call names an existing procedure: a sibling procedure id or process/procedure.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Steps())
        {
            if (site.Step.Call is not { Length: > 0 } call) continue;
            var reference = Reference.Resolve(context.Handbook, call, site.Process, site.Procedure);
            if (reference.Kind == ReferenceKind.Procedure && reference.Procedure != site.Procedure) continue;
            var hint = reference.Kind switch
            {
                ReferenceKind.Process => $"; name one of its procedures, e.g. '{call}/{reference.Process!.Procedures.FirstOrDefault()?.Id ?? "ID"}'",
                ReferenceKind.Step => "; that is a step of this procedure: use 'next' to go to it",
                ReferenceKind.Procedure => "; a procedure cannot call itself",
                _ => Describe.DidYouMean(call, context.Handbook.Processes
                    .SelectMany(p => p.Procedures.Select(x => p == site.Process ? x.Id : $"{p.Id}/{x.Id}"))),
            };
            context.Report(this, site.Process, site.Path + ".call",
                $"{Describe.Step(site.Step)} calls '{call}', but there is no such procedure to call (write process/procedure){hint}");
        }
    }
}
