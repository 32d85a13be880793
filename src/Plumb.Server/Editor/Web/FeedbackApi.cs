namespace Plumb.Server.Editor.Web;

using Plumb.Server.Editor.Services;
using Plumb.Handbook.Model;
using Plumb.Server.Accounts;

/// <summary>Feedback from readers on a step, and editors' answers that can turn it into a finding.</summary>
internal static class FeedbackApi
{
    public static RouteHandlerBuilder MapReaders(IEndpointRouteBuilder app) => app.MapPost("/api/feedback", AddAsync).WithTags(EditorEndpoints.Tag)
        .WithName("EditorAddFeedback").WithSummary("A reader's feedback on a published step (\"this is not how we do it\").");

    public static void MapEditors(RouteGroupBuilder api)
    {
        api.MapGet("/processes/{process}/feedback", ListAsync).WithName("EditorListFeedback")
            .WithSummary("Readers' feedback on the steps of a process, newest first, with answers.");
        api.MapPost("/feedback/{id:long}/answer", AnswerAsync).WithName("EditorAnswerFeedback")
            .WithSummary("Answers feedback and, when asked, turns it into a finding on the step in the caller's draft.");
    }

    private static async Task<IResult> AddAsync(FeedbackRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        if (await EditorEndpoints.RefuseForgeryAsync(context) is { } refused) return refused;
        var author = context.User.Identity?.IsAuthenticated == true ? PlumbClaims.Actor(context.User) : "anonymous reader";
        var (feedback, problem) = await editor.AddFeedbackAsync(request.Process, request.Procedure, request.Step, author, request.Text,
            cancellationToken);
        return feedback is null ? EditorApi.Problem(problem!) : EditorApi.Json(feedback, 201);
    }

    private static async Task<IResult> ListAsync(string process, EditorService editor, CancellationToken cancellationToken) =>
        EditorApi.Json(await editor.Store.ListFeedbackAsync(process, cancellationToken));

    private static async Task<IResult> AnswerAsync(long id, AnswerRequest request, HttpContext context, EditorService editor,
        CancellationToken cancellationToken)
    {
        Finding? finding = null;
        if (request.MakeFinding)
        {
            var severity = FindingSeverity.Medium;
            if (request.Severity is { } word && !Enum.TryParse(word, ignoreCase: true, out severity))
                return EditorApi.Problem($"severity '{word}' is not one of low, medium, high, critical");
            finding = new Finding { Text = request.Text?.Trim() ?? "", Severity = severity, PlannedUpdate = request.PlannedUpdate };
        }

        var problem = await editor.AnswerFeedbackAsync(request.Process, id, PlumbClaims.Actor(context.User), request.Answer, finding, cancellationToken);
        return problem is null ? Results.NoContent() : EditorApi.Problem(problem);
    }
}
