namespace Plumb.Server.Api;

using Plumb.Server.Accounts;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

/// <summary>An account as an admin sees it (never the hash).</summary>
public sealed record UserDto(string Name, string Role, DateTimeOffset CreatedAt);

/// <summary>A new account.</summary>
public sealed record NewUserRequest(string Name, string Password, string Role);

/// <summary>A new role for an account.</summary>
public sealed record RoleRequest(string Role);

public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").WithBodyLimit(BodyLimit.Small);
        group.MapGet("", async (IPlumbStore store, CancellationToken cancellationToken) =>
            Results.Ok((await store.ListUsersAsync(cancellationToken)).Select(ToDto).ToList()))
            .RequireAuthorization(PlumbClaims.AdminPolicy).WithSummary("Every account (admin).");
        group.MapPost("", async (NewUserRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken) =>
        {
            if (SqlStore.ParseRole(request.Role ?? "") is not { } role) return ApiSupport.BadRequest("role must be reader, editor, owner or admin");
            try
            {
                var user = await accounts.CreateUserAsync(request.Name ?? "", request.Password ?? "", role, PlumbClaims.Actor(http.User), cancellationToken);
                return Results.Created($"/api/users/{user.Name}", ToDto(user));
            }
            catch (AccountException e)
            {
                return ApiSupport.Unprocessable(e.Message);
            }
        }).AsWrite(PlumbClaims.AdminPolicy).WithSummary("Creates an account (admin).");
        group.MapPut("/{name}/role", async (string name, RoleRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken) =>
        {
            if (SqlStore.ParseRole(request.Role ?? "") is not { } role) return ApiSupport.BadRequest("role must be reader, editor, owner or admin");
            try
            {
                await accounts.SetRoleAsync(name, role, PlumbClaims.Actor(http.User), cancellationToken);
                return Results.NoContent();
            }
            catch (AccountException e)
            {
                return ApiSupport.NotFound(e.Message);
            }
        }).AsWrite(PlumbClaims.AdminPolicy).WithSummary("Changes an account's role (admin).");
    }

    private static UserDto ToDto(UserAccount user) => new(user.Name, SqlStore.RoleWord(user.Role), user.CreatedAt);
}
