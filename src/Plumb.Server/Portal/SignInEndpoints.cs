namespace Plumb.Server.Portal;

using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Hosting;
using static Plumb.Server.Portal.Html;

/// <summary>Cookie sign-in and sign-out for the portal; both forms carry an anti-forgery token and sign-in is rate limited.</summary>
public static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", async (HttpContext http, string? returnUrl, CancellationToken ct) =>
                LocalUrl.HasControlCharacters(returnUrl) ? BadReturnUrl() : await FormAsync(http, returnUrl, null, StatusCodes.Status200OK, ct))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(PlumbServices.SignInLimit)
            .WithBodyLimit(BodyLimit.Small).ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).AllowAnonymous().DisableAntiforgery().WithBodyLimit(BodyLimit.Small).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, AccountService accounts, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return await FormAsync(http, null, "The form expired; please try again.", StatusCodes.Status400BadRequest, cancellationToken);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        if (LocalUrl.HasControlCharacters(returnUrl)) return BadReturnUrl();
        var user = await accounts.SignInAsync(form["username"].ToString(), form["password"].ToString(),
            http.Connection.RemoteIpAddress?.ToString() ?? "", cancellationToken);
        if (user is null) return await FormAsync(http, returnUrl, "The user name or password is wrong.", StatusCodes.Status401Unauthorized, cancellationToken);
        var session = await accounts.StartSessionAsync(user, cancellationToken);
        await http.SignInAsync(PlumbClaims.CookieScheme, PlumbClaims.Principal(user, PlumbClaims.CookieScheme, session));
        return Results.Redirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/");
    }

    // Ends the session in the store, so a copy of the cookie kept anywhere stops working too.
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.Problem(title: "Missing or wrong anti-forgery token.", statusCode: 400);
        if (http.User.Identity?.AuthenticationType == PlumbClaims.CookieScheme && PlumbClaims.Session(http.User) is { } session)
        {
            await accounts.EndSessionAsync(session, PlumbClaims.Actor(http.User), cancellationToken);
        }

        await http.SignOutAsync(PlumbClaims.CookieScheme);
        return Results.Redirect("/");
    }

    private static IResult BadReturnUrl() => Results.Problem(title: "The request is malformed.",
        detail: "returnUrl holds a control character.", statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> FormAsync(HttpContext http, string? returnUrl, string? error, int status, CancellationToken cancellationToken)
    {
        var token = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken;
        var options = http.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value;
        var html = new StringBuilder("<h1>Sign in</h1>\n");
        if (options.RequireSignIn) html.Append("<p>This handbook is for signed-in readers.</p>");
        if (error is not null) html.Append($"<p class=\"error\" role=\"alert\">{E(error)}</p>");
        html.Append($"""
            <form class="signin" method="post" action="/signin">
            <input type="hidden" name="__csrf" value="{E(token)}">
            <input type="hidden" name="returnUrl" value="{E(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/")}">
            <p><label for="username">User name</label><input id="username" name="username" autocomplete="username" required></p>
            <p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            """);
        var page = new PortalPage("Sign in", html.ToString(), status, [("Home", Links.Home)]);
        return await PortalEndpoints.RenderPageAsync(http, page, cancellationToken);
    }
}
