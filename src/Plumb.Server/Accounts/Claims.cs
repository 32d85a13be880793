namespace Plumb.Server.Accounts;

using System.Security.Claims;
using Plumb.Server.Storage;

/// <summary>How an account shows in a request: its name and role as claims, and the checks on them.</summary>
public static class PlumbClaims
{
    public const string CookieScheme = "Cookies";
    public const string TokenScheme = "Token";
    public const string EditorPolicy = "editor";
    public const string OwnerPolicy = "owner";
    public const string AdminPolicy = "admin";
    public const string ReaderPolicy = "reader";
    public const string SignedInPolicy = "signed-in";

    /// <summary>The claim of a cookie principal that names its server-side session.</summary>
    public const string SessionClaim = "plumb:session";

    /// <summary>The principal of an account; a cookie principal also names its session, which the server checks on every request.</summary>
    public static ClaimsPrincipal Principal(UserAccount user, string scheme, string? session = null)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, SqlStore.RoleWord(user.Role)),
        ];
        if (session is not null) claims.Add(new Claim(SessionClaim, session));
        return new(new ClaimsIdentity(claims, scheme));
    }

    public static string? Session(ClaimsPrincipal user) => user.FindFirst(SessionClaim)?.Value;

    public static AccountRole? Role(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.Role)?.Value is { } word ? SqlStore.ParseRole(word) : null;

    public static bool HasRole(ClaimsPrincipal user, AccountRole needed) => Role(user) is { } role && role >= needed;

    public static string Actor(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : "anonymous";

    public static long? UserId(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
