namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A RACI entry or a process owner names a role the handbook does not define.</summary>
public sealed class UnknownRoleRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB101";

    /// <inheritdoc />
    public override string Name => "unknown-role";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every role named as owner or in a RACI is defined in handbook.yaml.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var handbook = context.Handbook;
        foreach (var process in handbook.Processes)
        {
            if (process.Owner is { } owner && handbook.FindRole(owner) is null)
            {
                context.Report(this, process, "owner", $"the owner '{owner}' of {Describe.Process(process)} is not a role of the handbook{Hint(context, owner)}");
            }
        }

        foreach (var site in context.Steps())
        {
            var raci = site.Step.Raci;
            Check(context, site, "responsible", raci.Responsible);
            Check(context, site, "accountable", raci.Accountable);
            Check(context, site, "consulted", raci.Consulted);
            Check(context, site, "informed", raci.Informed);
        }
    }

    private void Check(LintContext context, StepSite site, string letter, List<string> roles)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (context.Handbook.FindRole(roles[i]) is not null) continue;
            var path = roles.Count == 1 ? $"{site.Path}.raci.{letter}" : $"{site.Path}.raci.{letter}[{i}]";
            context.Report(this, site.Process, path,
                $"{Describe.Step(site.Step)} names '{roles[i]}' as {letter}, but handbook.yaml defines no such role{Hint(context, roles[i])}");
        }
    }

    private static string Hint(LintContext context, string id) =>
        Yaml.Suggest.Closest(id, context.Handbook.Roles.Select(r => r.Id)) is { } near ? $" (did you mean '{near}'?)" : "";
}
