namespace Plumb.Editor.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plumb.Editor.Diff;
using Plumb.Editor.Services;
using Plumb.Handbook.Model;

/// <summary>Diagrams of procedures (BPMN for the modeler, saved back into the steps) and the changes between two versions.</summary>
internal static class ProcedureApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/processes/{process}/procedures/{procedure}/bpmn", GetBpmnAsync);
        api.MapPut("/processes/{process}/procedures/{procedure}/bpmn", PutBpmnAsync);
        api.MapGet("/processes/{process}/procedures/{procedure}/changes", ChangesAsync);
    }

    // version: a stored version number; without it, the editor's working copy.
    private static async Task<IResult> GetBpmnAsync(
        string process, string procedure, int? version, HttpContext context, EditorService editor, CancellationToken cancellationToken) =>
        await editor.DiagramAsync(process, procedure, version, EditorApi.User(context), cancellationToken) is { } xml
            ? Results.Text(xml, "application/xml")
            : EditorApi.Problem($"there is no procedure '{process}/{procedure}'{(version is null ? "" : $" in version {version}")}", 404);

    private static async Task<IResult> PutBpmnAsync(
        string process, string procedure, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        var xml = await reader.ReadToEndAsync(cancellationToken);
        var saved = await editor.SaveDiagramAsync(process, procedure, xml, EditorApi.User(context), cancellationToken);
        return saved.Copy is { } copy
            ? EditorApi.Json(new DiagramSaveDto(EditorApi.Dto(copy), saved.NotCarried))
            : EditorApi.Problem(saved.Problem!, saved.Status);
    }

    private static async Task<IResult> ChangesAsync(
        string process, string procedure, int from, int? to, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var user = EditorApi.User(context);
        var older = await ProcedureAsync(editor, process, procedure, from, user, cancellationToken) ?? new Procedure { Id = procedure };
        var newer = await ProcedureAsync(editor, process, procedure, to, user, cancellationToken) ?? new Procedure { Id = procedure };
        var handbook = await editor.HandbookAsync(publishedOnly: false, cancellationToken);
        var owner = handbook.FindProcess(process) ?? new Process { Id = process };
        var changes = ProcedureChanges.Between(handbook, owner, older, newer);
        return EditorApi.Json(changes.Select(c => new { kind = c.Kind.ToString().ToLowerInvariant(), element = c.Element, text = c.Text }));
    }

    internal static async Task<Procedure?> ProcedureAsync(
        EditorService editor, string process, string procedure, int? version, string user, CancellationToken cancellationToken)
    {
        var document = Documents.Process(process);
        string? content;
        if (version is { } number) content = (await editor.Store.VersionAsync(document, number, cancellationToken))?.Content;
        else content = (await editor.WorkingCopyAsync(document, user, cancellationToken))?.Content;
        return content is null ? null : Documents.ReadProcess(content).FindProcedure(procedure);
    }
}
