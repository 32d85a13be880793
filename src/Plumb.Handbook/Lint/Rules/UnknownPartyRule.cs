namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;
using Plumb.Handbook.References;

/// <summary>The from or to of an input or output names nothing in the handbook.</summary>
public sealed class UnknownPartyRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB103";

    /// <inheritdoc />
    public override string Name => "unknown-party";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "The from/to of an input or output names a step, procedure, process or role that exists.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        foreach (var site in context.Flows())
        {
            if (site.Flow.Party is not { } party) continue;
            var reference = Reference.Resolve(context.Handbook, party, site.Process, site.Procedure);
            if (reference.Kind is not (ReferenceKind.Unresolved or ReferenceKind.End)) continue;
            var known = site.Procedure?.Steps.Select(s => s.Id) ?? [];
            known = known.Concat(site.Process.Procedures.Select(p => p.Id))
                .Concat(context.Handbook.Processes.Select(p => p.Id))
                .Concat(context.Handbook.Roles.Select(r => r.Id));
            var word = site.IsInput ? "comes from" : "goes to";
            context.Report(this, site.Process, $"{site.Path}.{site.PartyKey}",
                $"{site.Owner} says '{site.Flow.Record}' {word} '{party}', which is no step, procedure, process or role"
                + Describe.DidYouMean(party, known));
        }
    }
}
