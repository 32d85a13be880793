namespace Plumb.Server.Editor.Web;

using Plumb.Server.Editor.Diff;
using Plumb.Server.Editor.Services;
using Plumb.Handbook.Diff;
using Plumb.Server.Accounts;

/// <summary>Diagrams of procedures (BPMN for the modeler, saved back into the steps) and the changes between two versions.</summary>
internal static class ProcedureApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/processes/{process}/procedures/{procedure}/bpmn", GetBpmnAsync).WithName("EditorGetDiagram")
            .WithSummary("The procedure as BPMN 2.0 XML, laid out afresh, from the caller's working copy or a stored version.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
        api.MapPut("/processes/{process}/procedures/{procedure}/bpmn", PutBpmnAsync).WithName("EditorSaveDiagram")
            .WithSummary("Carries a diagram edited in the modeler (BPMN 2.0 XML body) into the caller's draft: tasks, flows and lanes.")
            .Accepts<string>("application/xml");
        api.MapGet("/processes/{process}/procedures/{procedure}/changes", ChangesAsync).WithName("EditorCompareVersions")
            .WithSummary("What changed in a procedure between two versions, in domain words, and the diagram elements to highlight.");
    }

    // version: a stored version number; proposal: what an open proposal holds; without either, the editor's working copy.
    private static async Task<IResult> GetBpmnAsync(
        string process, string procedure, long? version, long? proposal, HttpContext context, EditorService editor, CancellationToken cancellationToken) =>
        await editor.DiagramAsync(process, procedure, version, PlumbClaims.Actor(context.User), cancellationToken, proposal) is { } xml
            ? Results.Text(xml, "application/xml")
            : EditorApi.Problem($"there is no procedure '{process}/{procedure}'{(proposal is { } p ? $" in proposal {p}" : version is null ? "" : $" in version {version}")}", 404);

    // preview=true: nothing is saved; the answer lists what the save would change in the procedure.
    private static async Task<IResult> PutBpmnAsync(
        string process, string procedure, bool? preview, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        var xml = await reader.ReadToEndAsync(cancellationToken);
        var saved = await editor.SaveDiagramAsync(process, procedure, xml, PlumbClaims.Actor(context.User), preview == true, cancellationToken);
        if (saved.Refusals.Count > 0)
        {
            return Results.Problem(title: "The diagram would change more than was drawn.", detail: saved.Problem, statusCode: 422,
                extensions: new Dictionary<string, object?> { ["refusals"] = saved.Refusals.Select(r => new { element = r.Element, reason = r.Reason }).ToList() });
        }

        if (saved.Changes is { } changes)
        {
            var named = await editor.ProcessAsync(process, null, PlumbClaims.Actor(context.User), cancellationToken);
            return EditorApi.Json(new { changes = Changes(changes, named, procedure), notCarried = saved.NotCarried });
        }

        return saved.Copy is { } copy
            ? EditorApi.Json(new DiagramSaveDto(EditorApi.Dto(copy), saved.NotCarried))
            : EditorApi.Problem(saved.Problem!, saved.Status);
    }

    private static async Task<IResult> ChangesAsync(
        string process, string procedure, long from, long? to, long? proposal, HttpContext context, EditorService editor, CancellationToken cancellationToken)
    {
        // proposal: the newer side is what the proposal holds (published vs in review); to is then not read.
        var user = PlumbClaims.Actor(context.User);
        var older = await editor.ProcessAsync(process, from, user, cancellationToken);
        var newer = proposal is { } id ? await editor.ProposedProcessAsync(process, id, cancellationToken) : await editor.ProcessAsync(process, to, user, cancellationToken);
        if (older is null) return EditorApi.Problem($"process '{process}' has no version {from}", 404);
        if (newer is null) return EditorApi.Problem(proposal is { } p ? $"proposal {p} does not change process '{process}'" : $"process '{process}' has no version {to}", 404);
        var diff = ProcedureDiff.Between(await editor.WorkingHandbookAsync(user, older, cancellationToken),
            await editor.WorkingHandbookAsync(user, newer, cancellationToken), process, procedure);

        return EditorApi.Json(new
        {
            changes = Changes(diff, newer.FindProcedure(procedure) is null ? older : newer, procedure),
            elsewhere = diff.Elsewhere.Select(c => new { kind = HandbookDiff.Word(c.Kind), text = c.Message, field = c.Field, before = c.Before, after = c.After }),
            older = diff.Older.Select(m => new { element = m.Element, kind = HandbookDiff.Word(m.Kind) }),
            newer = diff.Newer.Select(m => new { element = m.Element, kind = HandbookDiff.Word(m.Kind) }),
        });
    }

    // Every change lies within this procedure, so its name is left out of each line.
    private static IEnumerable<object> Changes(ProcedureDiff diff, Plumb.Handbook.Model.Process? process, string procedure)
    {
        var name = process?.FindProcedure(procedure);
        var within = name is null ? null : $" of procedure '{(name.Name.Length > 0 ? name.Name : name.Id)}' ({(process!.Name.Length > 0 ? process.Name : process.Id)})";
        return diff.Changes.Select(c => new
        {
            kind = HandbookDiff.Word(c.Kind),
            text = within is null ? c.Message : c.Message.Replace(within, "", StringComparison.Ordinal),
            field = c.Field,
            before = c.Before,
            after = c.After,
        });
    }
}
