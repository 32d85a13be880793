namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>A role in place with nobody named as holding it.</summary>
public sealed class RoleWithoutHoldersRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB127";

    /// <inheritdoc />
    public override string Name => "role-without-holders";

    /// <inheritdoc />
    public override Severity Severity => Severity.Hint;

    /// <inheritdoc />
    public override string Description => "A role that is in place says who holds it (holders).";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var roles = context.Handbook.Roles;
        for (var i = 0; i < roles.Count; i++)
        {
            if (!roles[i].InPlace || roles[i].Holders.Count > 0) continue;
            context.ReportInHandbook(this, $"roles[{i}]",
                $"{Describe.Role(roles[i])} is in place but names no holders; add 'holders:' (a team or job title), or set 'inPlace: false'");
        }
    }
}
