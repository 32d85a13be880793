namespace Plumb.Server.Accounts;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

/// <summary>
/// A cookie is only as good as the session it names: every request checks that session in the store, so sign-out, a role
/// change or a password change ends it on every instance sharing the store, from the next request on.
/// </summary>
public static class CookieSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var session = context.Principal is { } principal ? PlumbClaims.Session(principal) : null;
        var accounts = http.RequestServices.GetRequiredService<AccountService>();
        var user = session is null ? null : await accounts.FindBySessionAsync(session, http.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(PlumbClaims.CookieScheme);
            return;
        }

        // The account as stored now, not as it was when the cookie was issued.
        if (PlumbClaims.Role(context.Principal!) != user.Role || PlumbClaims.Actor(context.Principal!) != user.Name)
        {
            context.ReplacePrincipal(PlumbClaims.Principal(user, PlumbClaims.CookieScheme, session));
            context.ShouldRenew = true;
        }
    }
}
