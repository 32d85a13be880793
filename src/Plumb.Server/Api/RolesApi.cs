namespace Plumb.Server.Api;

using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;

/// <summary>A step a role takes part in, with its RACI letters.</summary>
public sealed record DutyDto(string Process, string Procedure, string Step, string Name, string Letters, string Url, string? Instruction);

/// <summary>A role and what it does.</summary>
public sealed record RoleDto(Role Role, IReadOnlyList<DutyDto> Duties);

public static class RolesApi
{
    public static void MapRolesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/roles").WithTags("Roles");
        group.MapGet("", async (HandbookService handbooks, CancellationToken cancellationToken) =>
            Results.Ok((await handbooks.GetCurrentAsync(cancellationToken)).Handbook.Roles)).AsRead().WithSummary("Every role.");
        group.MapGet("/{id}", async (string id, HttpContext http, HandbookService handbooks, CancellationToken cancellationToken) =>
        {
            var handbook = (await handbooks.GetCurrentAsync(cancellationToken)).Handbook;
            if (handbook.FindRole(id) is not { } role) return ApiSupport.NotFound($"no role '{id}'");
            var duties = HandbookQueries.Duties(ReaderView.Processes(handbook, http.User), id)
                .Select(d => new DutyDto(d.Place.Process.Id, d.Place.Procedure.Id, d.Place.Step.Id, d.Place.Step.Name, d.Letters, d.Place.Url,
                    d.Place.Step.Instruction))
                .ToList();
            return Results.Ok(new RoleDto(role, duties));
        }).AsRead().WithSummary("One role and every step where it is responsible, accountable, consulted or informed.");
    }
}
