namespace Plumb.Editor.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plumb.Editor.Services;
using Plumb.Handbook.Model;

/// <summary>Feedback from readers on a step, and editors' answers that can turn it into a finding.</summary>
internal static class FeedbackApi
{
    public static void MapReaders(IEndpointRouteBuilder app) => app.MapPost("/api/feedback", AddAsync);

    public static void MapEditors(RouteGroupBuilder api)
    {
        api.MapGet("/processes/{process}/feedback", ListAsync);
        api.MapPost("/feedback/{id:long}/answer", AnswerAsync);
    }

    private static async Task<IResult> AddAsync(FeedbackRequest request, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        if (!EditorEndpoints.HasCsrfHeader(context)) return EditorApi.Problem("the request lacks the X-Plumb-Editor header");
        var author = context.User.Identity?.IsAuthenticated == true ? EditorApi.User(context) : "anonymous reader";
        var (feedback, problem) = await editor.AddFeedbackAsync(request.Process, request.Procedure, request.Step, author, request.Text,
            cancellationToken);
        return feedback is null ? EditorApi.Problem(problem!) : EditorApi.Json(feedback, 201);
    }

    private static async Task<IResult> ListAsync(string process, EditorService editor, CancellationToken cancellationToken) =>
        EditorApi.Json(await editor.Store.FeedbackAsync(process, cancellationToken));

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

        var problem = await editor.AnswerFeedbackAsync(request.Process, id, EditorApi.User(context), request.Answer, finding, cancellationToken);
        return problem is null ? Results.NoContent() : EditorApi.Problem(problem);
    }
}
