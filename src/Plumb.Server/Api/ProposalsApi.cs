namespace Plumb.Server.Api;

using Plumb.Server.Accounts;
using Plumb.Server.Editor.Web;
using Plumb.Server.Handbooks;
using Plumb.Server.Storage;
using Plumb.Server.Workflow;

/// <summary>A proposal to make: whole YAML documents by path (null removes one), on the version they were made on.</summary>
public sealed record NewProposalRequest(string? Title, long BaseVersion, Dictionary<string, string?>? Documents);

/// <summary>A review decision's comment.</summary>
public sealed record ReviewCommentRequest(string? Comment);

/// <summary>A proposal with the steps of its review.</summary>
public sealed record ProposalDetailDto(ProposalDto Proposal, IReadOnlyList<ProposalEvent> Events, IReadOnlyList<ProposedDocument> Documents);

/// <summary>
/// The review workflow over HTTP: proposals are changes to documents on a base version; approving merges one into the head
/// (three-way, field by field) as a new version, and a conflict sends it back with the fields (409). See docs/workflow.md.
/// </summary>
public static class ProposalsApi
{
    public static void MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("Proposals");
        group.MapGet("", ListAsync).RequireAuthorization(PlumbClaims.EditorPolicy)
            .WithSummary("Proposals, oldest first; ?document=processes/ID.yaml keeps those changing it, ?open=true those not yet approved.");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(PlumbClaims.EditorPolicy)
            .WithSummary("One proposal with its documents and the steps of its review.");
        group.MapPost("", CreateAsync).AsWrite()
            .WithSummary("Starts a proposal (draft) from whole YAML documents made on baseVersion; null content removes a document.");
        group.MapPost("/{id:long}/submit", SubmitAsync).AsWrite().WithSummary("Submits a draft, sent-back or stale proposal for review.");
        group.MapPost("/{id:long}/approve", ApproveAsync).AsWrite(PlumbClaims.OwnerPolicy)
            .WithSummary("Merges a proposal in review into the head as a new version; 409 when it conflicts (it is sent back with the fields).");
        group.MapPost("/{id:long}/send-back", SendBackAsync).AsWrite(PlumbClaims.OwnerPolicy)
            .WithSummary("Sends a proposal in review back to its author with a comment.");
    }

    private static async Task<IResult> ListAsync(IPlumbStore store, string? document, bool? open, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListProposalsAsync(document, open == true, cancellationToken)).Select(ProposalDto.From).ToList());

    private static async Task<IResult> GetAsync(long id, IPlumbStore store, CancellationToken cancellationToken)
    {
        if (await store.GetProposalAsync(id, cancellationToken) is not { } proposal) return ApiSupport.NotFound($"no proposal {id}");
        return Results.Ok(new ProposalDetailDto(ProposalDto.From(proposal), await store.ListProposalEventsAsync(id, cancellationToken), proposal.Documents));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, NewProposalRequest request, ProposalService proposals, HandbookService handbooks,
        CancellationToken cancellationToken)
    {
        if (request.Documents is not { Count: > 0 } documents) return ApiSupport.BadRequest("documents is required: a map from path to YAML text (or null)");
        if (documents.Keys.FirstOrDefault(p => !DocumentMerge.IsDocument(p)) is { } wrong)
            return ApiSupport.BadRequest($"'{wrong}' is not a document of a handbook: handbook.yaml or processes/ID.yaml");
        if (request.BaseVersion != 0 && await handbooks.GetVersionAsync(request.BaseVersion, cancellationToken) is null)
            return ApiSupport.NotFound($"no version {request.BaseVersion}");
        var title = string.IsNullOrWhiteSpace(request.Title) ? "Proposal" : request.Title.Trim();
        var proposal = await proposals.ProposeAsync(null, PlumbClaims.Actor(http.User), request.BaseVersion, title,
            [.. documents.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new ProposedDocument(d.Key, d.Value))], cancellationToken);
        return Results.Created($"/api/proposals/{proposal!.Id}", ProposalDto.From(proposal));
    }

    private static async Task<IResult> SubmitAsync(long id, HttpContext http, ReviewCommentRequest? request, ProposalService proposals,
        CancellationToken cancellationToken) =>
        await proposals.SubmitAsync(id, PlumbClaims.Actor(http.User), request?.Comment, cancellationToken) is { } problem
            ? ApiSupport.Conflict(problem, 0) : Results.NoContent();

    private static async Task<IResult> ApproveAsync(long id, HttpContext http, ReviewCommentRequest? request, ProposalService proposals,
        CancellationToken cancellationToken)
    {
        var approval = await proposals.ApproveAsync(id, PlumbClaims.Actor(http.User), request?.Comment, cancellationToken);
        if (approval.Saved is { } saved)
        {
            http.Response.Headers.ETag = saved.ETag;
            return Results.Ok(HandbookApi.ToDto(saved.Version));
        }

        if (approval.Violations.Count > 0) return ApiSupport.Problems([], approval.Violations);
        return Results.Problem(title: "The proposal was not approved.", detail: approval.Problem, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["conflicts"] = approval.Conflicts });
    }

    private static async Task<IResult> SendBackAsync(long id, HttpContext http, ReviewCommentRequest request, ProposalService proposals,
        CancellationToken cancellationToken) =>
        await proposals.SendBackAsync(id, PlumbClaims.Actor(http.User), request.Comment, cancellationToken) is { } problem
            ? ApiSupport.Conflict(problem, 0) : Results.NoContent();
}
