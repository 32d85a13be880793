namespace Plumb.Editor.Web;

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plumb.Editor.Bpmn;
using Plumb.Editor.Diff;
using Plumb.Editor.Services;
using Plumb.Handbook.Json;
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
        string process, string procedure, int? version, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var found = await ProcedureAsync(editor, process, procedure, version, EditorApi.User(context), cancellationToken);
        if (found is null) return EditorApi.Problem($"there is no procedure '{process}/{procedure}'{(version is null ? "" : $" in version {version}")}", 404);
        var handbook = await editor.HandbookAsync(publishedOnly: false, cancellationToken);
        return Results.Text(ProcedureBpmnWriter.Write(handbook, found), "application/xml");
    }

    private static async Task<IResult> PutBpmnAsync(
        string process, string procedure, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        var xml = await reader.ReadToEndAsync(cancellationToken);
        var user = EditorApi.User(context);
        var document = Documents.Process(process);
        var copy = await editor.WorkingCopyAsync(document, user, cancellationToken);
        if (copy is null) return EditorApi.Problem($"there is no process '{process}'", 404);
        var model = Documents.ReadProcess(copy.Content);
        var index = model.Procedures.FindIndex(p => p.Id == procedure);
        if (index < 0) return EditorApi.Problem($"there is no procedure '{process}/{procedure}'", 404);
        var handbookCopy = await editor.WorkingCopyAsync(Documents.Handbook, user, cancellationToken);
        var handbook = Documents.ReadHandbook(handbookCopy!.Content);

        Procedure changed;
        IReadOnlyList<Role> newRoles;
        try
        {
            (changed, newRoles) = ProcedureBpmnReader.Apply(handbook, model.Procedures[index], xml);
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException)
        {
            return EditorApi.Problem($"the diagram cannot be read: {e.Message}");
        }

        if (newRoles.Count > 0)
        {
            // Lanes that match no role become roles of the handbook (not yet in place), in the editor's handbook draft.
            var patches = newRoles.Select(r => new JsonPatch("add", "roles", JsonSerializer.SerializeToNode(r, HandbookJson.Compact))).ToList();
            var (_, rolesProblem) = await editor.PatchAsync(Documents.Handbook, user, patches, cancellationToken);
            if (rolesProblem is not null) return EditorApi.Problem(rolesProblem);
        }

        var patch = new JsonPatch("set", $"procedures[{index}]", JsonSerializer.SerializeToNode(changed, HandbookJson.Compact));
        var (result, problem) = await editor.PatchAsync(document, user, [patch], cancellationToken);
        return result is null ? EditorApi.Problem(problem!) : EditorApi.Json(EditorApi.Dto(result));
    }

    private static async Task<IResult> ChangesAsync(
        string process, string procedure, int from, int? to, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        var user = EditorApi.User(context);
        var older = await ProcedureAsync(editor, process, procedure, from, user, cancellationToken) ?? new Procedure { Id = procedure };
        var newer = await ProcedureAsync(editor, process, procedure, to, user, cancellationToken) ?? new Procedure { Id = procedure };
        var changes = ProcedureChanges.Between(older, newer);
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
