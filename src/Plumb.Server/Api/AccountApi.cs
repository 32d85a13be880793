namespace Plumb.Server.Api;

using Microsoft.AspNetCore.Antiforgery;
using Plumb.Server.Accounts;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

/// <summary>Who the caller is.</summary>
public sealed record MeDto(string Name, string Role, string? CsrfToken);

/// <summary>A request for a new API token.</summary>
public sealed record TokenRequest(string? Name);

/// <summary>A new token: the secret is shown this once.</summary>
public sealed record NewTokenDto(long Id, string Name, string Token);

public static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Account").WithBodyLimit(BodyLimit.Small);
        group.MapGet("/me", (HttpContext http, IAntiforgery antiforgery) =>
            Results.Ok(new MeDto(PlumbClaims.Actor(http.User), PlumbClaims.Role(http.User) is { } r ? SqlStore.RoleWord(r) : "reader",
                antiforgery.GetAndStoreTokens(http).RequestToken)))
            .RequireAuthorization(PlumbClaims.ReaderPolicy).WithSummary("The signed-in account and the anti-forgery token its writes must send.");
        group.MapGet("/tokens", async (HttpContext http, IPlumbStore store, CancellationToken cancellationToken) =>
            Results.Ok(await store.ListTokensAsync(PlumbClaims.UserId(http.User) ?? -1, cancellationToken)))
            .RequireAuthorization(PlumbClaims.SignedInPolicy).WithSummary("The caller's API tokens (without secrets).");
        group.MapPost("/tokens", CreateTokenAsync).AsWrite(PlumbClaims.SignedInPolicy).WithSummary("Makes an API token for the signed-in account.");
        group.MapDelete("/tokens/{id:long}", async (long id, HttpContext http, IPlumbStore store, CancellationToken cancellationToken) =>
            await store.RevokeTokenAsync(PlumbClaims.UserId(http.User) ?? -1, id, cancellationToken) ? Results.NoContent() : ApiSupport.NotFound($"no token {id}"))
            .AsWrite(PlumbClaims.SignedInPolicy).WithSummary("Revokes one of the caller's tokens.");
    }

    private static async Task<IResult> CreateTokenAsync(HttpContext http, TokenRequest request, IPlumbStore store, AccountService accounts,
        CancellationToken cancellationToken)
    {
        if (http.User.Identity?.IsAuthenticated != true) return Results.Unauthorized();
        var user = await store.FindUserAsync(PlumbClaims.Actor(http.User), cancellationToken);
        if (user is null) return Results.Unauthorized();
        var (token, secret) = await accounts.CreateTokenAsync(user, request.Name ?? "token", cancellationToken);
        return Results.Ok(new NewTokenDto(token.Id, token.Name, secret));
    }
}
