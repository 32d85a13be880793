namespace Plumb.Editor.Web;

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

/// <summary>Who may edit and who may approve: account roles carried as role claims (editor, owner, admin; each includes the ones before).</summary>
public static class EditorPolicies
{
    /// <summary>Editors, owners and admins.</summary>
    public const string Edit = "plumb-editor-edit";

    /// <summary>Owners and admins, who approve or send back.</summary>
    public const string Approve = "plumb-editor-approve";

    /// <summary>Adds both policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Edit, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c.User, "editor", "owner", "admin")));
        options.AddPolicy(Approve, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c.User, "owner", "admin")));
    }

    /// <summary>True when the user may approve.</summary>
    public static bool CanApprove(ClaimsPrincipal user) => HasRole(user, "owner", "admin");

    private static bool HasRole(ClaimsPrincipal user, params string[] roles) =>
        user.Claims.Any(c => c.Type == ClaimTypes.Role && roles.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
}
